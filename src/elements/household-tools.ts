/**
 * "Gia đình tôi"'s file tools, loaded when first used: "Lưu ra tệp", "Mở tệp đã lưu" (which shows
 * what the file would change and asks), "Lấy lại câu trả lời cũ", "Xóa hết câu trả lời" and "Xóa dữ
 * liệu trên máy này".
 */
import { criterionNumber } from '~/lib/criterion';
import { STATE_LABELS, type Answers, type AnswerState } from '~/lib/answers';
import { clearHousehold, NOTICES } from '~/lib/household-store';
import {
	answersBeforeImport,
	BEFORE_IMPORT_KEY,
	clearDeviceData,
	diffAnswers,
	exportFile,
	FILE_NOTICES,
	keepBeforeImport,
	MAX_FILE_BYTES,
	parseImport,
} from '~/lib/household-file';
import { confirmClearDevice, download } from './dom';
import type { GdsHousehold } from './household';

/** The answers of a file chosen but not yet accepted, per checklist. */
const pending = new WeakMap<GdsHousehold, Answers>();
const $ = <T extends HTMLElement = HTMLElement>(el: GdsHousehold, selector: string) => el.querySelector<T>(selector)!;

export function act(el: GdsHousehold, action: string) {
	switch (action) {
		case 'export': {
			const file = exportFile(el.criteria, el.answers);
			download(file.name, file.text, 'application/json');
			// The page cannot know whether the phone really saved it.
			return el.status(`Máy đang lưu tệp ${file.name} vào mục Tải xuống (Download). Hãy mở mục Tải xuống xem tệp đã có chưa.`);
		}
		case 'import-yes':
			return applyImport(el);
		case 'import-no':
			pending.delete(el);
			$(el, '.import-confirm').hidden = true;
			return el.status('Đã hủy. Câu trả lời trên máy giữ nguyên.');
		case 'restore':
			return restore(el);
		case 'reset':
			if (!confirm('Xóa hết câu trả lời của gia đình trên điện thoại này? Xóa rồi thì không lấy lại được.')) return;
			clearHousehold(el.storage);
			el.replace({}, false);
			return el.status('Đã xóa hết câu trả lời.');
		case 'clear-device':
			if (!confirmClearDevice()) return el.status('Đã hủy. Dữ liệu trên máy giữ nguyên.');
			clearDeviceData(localStorage);
			$(el, '[data-action=restore]').hidden = true;
			el.reload();
			return el.status('Đã xóa dữ liệu của trang trên máy này.');
	}
}

/** A file chosen in "Mở tệp đã lưu": refused with a sentence, or described and asked about. */
export async function open(el: GdsHousehold, picker: HTMLInputElement) {
	const file = picker.files?.[0];
	picker.value = '';
	if (!file) return;
	if (file.size > MAX_FILE_BYTES) return el.status(FILE_NOTICES.tooBig);
	const result = parseImport(el.criteria, await file.text());
	if (!result.ok) return el.status(result.message);
	if (el.readOnly) return el.status(NOTICES.newerRecord);
	const changes = diffAnswers(el.criteria, el.answers, result.answers);
	if (!changes.length) return el.status('Tệp có đúng các câu trả lời đang có trên máy. Không có gì thay đổi.');
	pending.set(el, result.answers);
	const label = (s?: AnswerState) => (s ? STATE_LABELS[s] : 'chưa trả lời');
	$(el, '.import-question').textContent =
		`Tệp ${file.name} có ${Object.keys(result.answers).length} câu trả lời; trên máy đang có ${Object.keys(el.answers).length}. ` +
		`Mở tệp sẽ đổi ${changes.length} tiêu chí: ` +
		changes.map((c) => `${criterionNumber(c.id)} ${label(c.from)} → ${label(c.to)}`).join('; ') +
		'. Thay câu trả lời trên máy bằng tệp này?' +
		(result.notice ? ` ${result.notice}` : '');
	$(el, '.import-confirm').hidden = false;
	$(el, '[data-action=import-no]').focus();
}

function applyImport(el: GdsHousehold) {
	const answers = pending.get(el);
	if (!answers) return;
	pending.delete(el);
	$(el, '.import-confirm').hidden = true;
	const kept = keepBeforeImport(el.storage, el.criteria, el.answers);
	el.replace(answers);
	$(el, '[data-action=restore]').hidden = !kept;
	el.status(`Đã mở tệp, có ${Object.keys(answers).length} câu trả lời.${kept ? ' Bấm “Lấy lại câu trả lời cũ” nếu muốn quay lại.' : ''}`);
}

function restore(el: GdsHousehold) {
	const before = answersBeforeImport(el.storage, el.criteria);
	if (!before) return el.status('Không còn câu trả lời cũ để lấy lại.');
	el.replace(before);
	try {
		el.storage?.removeItem(BEFORE_IMPORT_KEY);
	} catch {
		/* nothing kept */
	}
	$(el, '[data-action=restore]').hidden = true;
	el.status(`Đã lấy lại câu trả lời cũ: ${Object.keys(before).length} câu.`);
}
