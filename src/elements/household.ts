/**
 * <gds-household>: "Gia đình tôi". Fills in the saved answers, the progress and the short code
 * (only once every criterion is answered: until then "còn N tiêu chí chưa trả lời"), saves each
 * tap, shares the code with the team leader, prints the household's sheet, and moves the answers
 * to and from a file: opening a file shows what it would change and asks, and the answers it
 * replaced come back with one tap. A record saved by a newer version of the page is shown, never
 * written over.
 */
import { progress, STATE_LABELS, type Answers, type AnswerState, type CriterionRef, parseRefs } from '~/lib/answers';
import {
	answersBeforeImport,
	BEFORE_IMPORT_KEY,
	browserStorage,
	clearDeviceData,
	clearHousehold,
	diffAnswers,
	exportFile,
	keepBeforeImport,
	loadHousehold,
	MAX_FILE_BYTES,
	NOTICES,
	parseImport,
	progressText,
	saveHousehold,
	onHouseholdChange,
} from '~/lib/household-store';
import { encodeShortCode, formatShortCode } from '~/lib/shortcode';
import { confirmClearDevice, download, showInAppBanner } from './dom';

class GdsHousehold extends HTMLElement {
	#criteria: CriterionRef[] = [];
	#answers: Answers = {};
	#storage = browserStorage();
	#readOnly = false;
	#pending: Answers | null = null;

	connectedCallback() {
		this.#criteria = parseRefs(this.dataset.criteria!);
		this.querySelector('form')!.addEventListener('change', (e) => this.#answer(e.target as HTMLInputElement));
		this.#setUpTools();
		this.#load(true);
		onHouseholdChange(() => this.#load(false));
		showInAppBanner(this);
	}

	$<T extends HTMLElement = HTMLElement>(selector: string): T {
		return this.querySelector<T>(selector)!;
	}

	#load(showNotice: boolean) {
		const loaded = loadHousehold(this.#storage, this.#criteria);
		this.#answers = loaded.answers;
		this.#readOnly = !!loaded.newer;
		if (showNotice && loaded.notice) this.#notice(loaded.notice);
		this.#fill();
		this.#render();
	}

	#answer(input: HTMLInputElement) {
		if (input.type !== 'radio') return;
		if (this.#readOnly) {
			this.#notice(NOTICES.newerRecord);
			return this.#fill();
		}
		this.#answers[input.name] = input.value as AnswerState;
		if (!saveHousehold(this.#storage, this.#criteria, this.#answers)) this.#notice(NOTICES.notSaved);
		this.#render();
	}

	#notice(text: string) {
		const p = this.$('.notice');
		p.textContent = text;
		p.hidden = false;
	}

	/** Puts the saved answers into the radio buttons. */
	#fill() {
		for (const input of this.querySelectorAll<HTMLInputElement>('form input[type=radio]')) input.checked = this.#answers[input.name] === input.value;
	}

	#unanswered(): number {
		return this.#criteria.filter((c) => !(c.id in this.#answers)).length;
	}

	/** Progress, short code and the "xem bài học" links, from the answers. */
	#render() {
		const set = (key: string, refs: CriterionRef[]) => {
			const el = this.querySelector(`[data-progress="${key}"]`);
			if (el) el.textContent = progressText(progress(refs, this.#answers));
		};
		set('all', this.#criteria);
		for (const group of new Set(this.#criteria.map((c) => c.group))) set(group, this.#criteria.filter((c) => c.group === group));
		for (const fieldset of this.querySelectorAll<HTMLElement>('fieldset[data-criterion]')) {
			const state = this.#answers[fieldset.dataset.criterion!];
			fieldset.dataset.state = state ?? '';
			const todo = fieldset.querySelector<HTMLElement>('.todo');
			if (todo) todo.hidden = state === 'dat' || state === 'khong-ap-dung';
		}
		const left = this.#unanswered();
		const code = this.$('.code');
		code.hidden = false;
		// A code cannot tell "chưa trả lời" from "chưa đạt": it is given only once everything is answered.
		this.$('.code-value').textContent = left ? '' : formatShortCode(encodeShortCode(this.#criteria, this.#answers));
		this.$('.code-left').textContent = left ? `Còn ${left} tiêu chí chưa trả lời. Trả lời hết thì có mã để đọc cho Tổ trưởng.` : '';
		this.$('.code-hint').hidden = !!left;
		this.$<HTMLButtonElement>('[data-action=share-code]').hidden = !!left;
	}

	#status(text: string) {
		this.$('.tools-status').textContent = text;
	}

	async #shareCode() {
		const code = formatShortCode(encodeShortCode(this.#criteria, this.#answers));
		const text = `Mã “Gia đình số” của nhà tôi: ${code}`;
		const status = this.$('.share-status');
		try {
			if (navigator.share) {
				await navigator.share({ text });
				status.textContent = 'Đã mở phần chia sẻ. Chọn Zalo hoặc tin nhắn để gửi cho Tổ trưởng.';
				return;
			}
		} catch (error) {
			if ((error as DOMException)?.name === 'AbortError') return void (status.textContent = 'Chưa gửi mã.');
		}
		try {
			await navigator.clipboard.writeText(text);
			status.textContent = `Đã chép “${text}”. Mở Zalo, dán vào tin nhắn gửi Tổ trưởng.`;
		} catch {
			status.textContent = `Máy không chép được. Hãy đọc mã ${code} cho Tổ trưởng.`;
		}
	}

	#setUpTools() {
		this.$('.tools').hidden = false;
		this.$('.actions-top').hidden = false;
		this.addEventListener('click', (e) => {
			const action = (e.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
			switch (action) {
				case 'share-code':
					return void this.#shareCode();
				case 'print':
					return window.print();
				case 'export': {
					const file = exportFile(this.#criteria, this.#answers);
					download(file.name, file.text, 'application/json');
					// The page cannot know whether the phone really saved it.
					return this.#status(`Máy đang lưu tệp ${file.name} vào mục Tải xuống (Download). Hãy mở mục Tải xuống xem tệp đã có chưa.`);
				}
				case 'import-yes':
					return this.#applyImport();
				case 'import-no':
					this.#pending = null;
					this.$('.import-confirm').hidden = true;
					return this.#status('Đã hủy. Câu trả lời trên máy giữ nguyên.');
				case 'restore':
					return this.#restore();
				case 'reset':
					if (!confirm('Xóa hết câu trả lời của gia đình trên điện thoại này? Xóa rồi thì không lấy lại được.')) return;
					this.#answers = {};
					clearHousehold(this.#storage);
					this.#fill();
					this.#render();
					return this.#status('Đã xóa hết câu trả lời.');
				case 'clear-device':
					if (!confirmClearDevice()) return this.#status('Đã hủy. Dữ liệu trên máy giữ nguyên.');
					clearDeviceData(localStorage);
					this.$('[data-action=restore]').hidden = true;
					this.#load(false);
					return this.#status('Đã xóa dữ liệu của trang trên máy này.');
			}
		});
		const picker = this.$<HTMLInputElement>('.tools input[type=file]');
		picker.addEventListener('change', async () => {
			const file = picker.files?.[0];
			picker.value = '';
			if (!file) return;
			if (file.size > MAX_FILE_BYTES) return this.#status(NOTICES.tooBig);
			const result = parseImport(this.#criteria, await file.text());
			if (!result.ok) return this.#status(result.message);
			if (this.#readOnly) return this.#status(NOTICES.newerRecord);
			const changes = diffAnswers(this.#criteria, this.#answers, result.answers);
			if (!changes.length) return this.#status(`Tệp có đúng các câu trả lời đang có trên máy. Không có gì thay đổi.`);
			this.#pending = result.answers;
			const label = (s?: AnswerState) => (s ? STATE_LABELS[s] : 'chưa trả lời');
			const had = Object.keys(this.#answers).length;
			this.$('.import-question').textContent =
				`Tệp ${file.name} có ${Object.keys(result.answers).length} câu trả lời; trên máy đang có ${had}. ` +
				`Mở tệp sẽ đổi ${changes.length} tiêu chí: ` +
				changes.map((c) => `${c.id.toUpperCase()} ${label(c.from)} → ${label(c.to)}`).join('; ') +
				'. Thay câu trả lời trên máy bằng tệp này?' +
				(result.notice ? ` ${result.notice}` : '');
			this.$('.import-confirm').hidden = false;
			this.$('[data-action=import-no]').focus();
		});
		if (answersBeforeImport(this.#storage, this.#criteria)) this.$('[data-action=restore]').hidden = false;
	}

	#applyImport() {
		const answers = this.#pending!;
		this.#pending = null;
		this.$('.import-confirm').hidden = true;
		const kept = keepBeforeImport(this.#storage, this.#criteria, this.#answers);
		this.#answers = answers;
		if (!saveHousehold(this.#storage, this.#criteria, this.#answers)) this.#notice(NOTICES.notSaved);
		this.#fill();
		this.#render();
		this.$('[data-action=restore]').hidden = !kept;
		this.#status(`Đã mở tệp, có ${Object.keys(answers).length} câu trả lời.${kept ? ' Bấm “Lấy lại câu trả lời cũ” nếu muốn quay lại.' : ''}`);
	}

	#restore() {
		const before = answersBeforeImport(this.#storage, this.#criteria);
		if (!before) return this.#status('Không còn câu trả lời cũ để lấy lại.');
		this.#answers = before;
		if (!saveHousehold(this.#storage, this.#criteria, this.#answers)) return this.#notice(NOTICES.notSaved);
		try {
			this.#storage?.removeItem(BEFORE_IMPORT_KEY);
		} catch {
			/* nothing kept */
		}
		this.$('[data-action=restore]').hidden = true;
		this.#fill();
		this.#render();
		this.#status(`Đã lấy lại câu trả lời cũ: ${Object.keys(before).length} câu.`);
	}
}
customElements.define('gds-household', GdsHousehold);
