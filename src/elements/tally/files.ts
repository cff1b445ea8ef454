/**
 * The tally's files, loaded only when a file is sent, saved or opened: the CSV for the commune
 * ("Gửi cho xã" through the phone's share sheet, or saved to Downloads) and reading a CSV back,
 * with a preview of what it would change.
 */
import { formatLocalDate } from '~/lib/date';
import { householdKey, newId, type Household, type Tally } from '~/lib/tally';
import { exportFileName, formatImportProblem, readTallyFile, refuseIfTooBig, singleVillage, tallyToCsv, TallyImportError } from '~/lib/tally-csv';
import type { StoredTally } from '~/lib/tally-store';
import { download, shareFile } from '../dom';
import { clearDeviceData } from '~/lib/household-file';
import { fillList } from '../dom';
import type { TallyConfig } from './config';
import { beforeImport, forgetBeforeImport, keepBeforeImport } from './storage';
import type { GdsTally } from './tally';

export type Sent = { how: 'shared' | 'cancelled' | 'downloaded'; name: string };

/** "Gửi cho xã": the share sheet where the phone can share files, else the file goes to Downloads. "Lưu tệp": Downloads only. */
export async function sendFile(config: TallyConfig, tally: StoredTally, share: boolean): Promise<Sent> {
	const now = new Date();
	const name = exportFileName(tally.village, now);
	const text = tallyToCsv(config.criteria, tally.village, tally.households, now);
	if (share) {
		const shared = await shareFile(name, text, 'text/csv', `Sổ theo dõi “Gia đình số”: ${tally.village}`);
		if (shared !== 'unsupported') return { how: shared, name };
	}
	download(name, text);
	return { how: 'downloaded', name };
}

export interface Pending {
	tally: Tally;
	notices: string[];
	/** One sentence on what the file holds and what replacing the tally with it would change. */
	preview: string;
}

const answersKey = (h: Pick<Household, 'answers'>) => JSON.stringify(Object.entries(h.answers).sort());

/** Reads a chosen file; throws a list of plain lines when it cannot be taken. */
export async function readImport(file: File, config: TallyConfig, current: StoredTally): Promise<Pending> {
	let tally: Tally;
	let notices: string[];
	let exportedAt: Date | undefined;
	try {
		// Too big to be a village: refused by its size alone, before anything is read or allocated.
		refuseIfTooBig(file.name, file.size);
		const imported = readTallyFile(file.name, new Uint8Array(await file.arrayBuffer()), config.criteria);
		tally = {
			village: singleVillage(imported),
			households: imported.households.map(({ name, houseNumber, answers }) => ({ id: newId(), name, houseNumber, answers })),
		};
		notices = imported.notices;
		exportedAt = imported.exportedAt;
	} catch (error) {
		if (!(error instanceof TallyImportError)) throw error;
		throw [...error.problems.map(formatImportProblem), ...(error.more ? [`… và ${error.more} lỗi khác.`] : [])];
	}
	const mine = new Map(current.households.map((h) => [householdKey(h.name, h.houseNumber), h]));
	const theirs = new Map(tally.households.map((h) => [householdKey(h.name, h.houseNumber), h]));
	const added = [...theirs.keys()].filter((k) => !mine.has(k)).length;
	const removed = [...mine.keys()].filter((k) => !theirs.has(k)).length;
	const changed = [...theirs].filter(([k, h]) => mine.has(k) && answersKey(mine.get(k)!) !== answersKey(h)).length;
	const when = exportedAt ? `, xuất ngày ${formatLocalDate(exportedAt)}` : '';
	const changes = current.households.length
		? ` So với sổ trên máy (${current.households.length} hộ${current.village ? `, làng “${current.village}”` : ''}): ${added} hộ thêm vào, ${removed} hộ mất đi, ${changed} hộ đổi câu trả lời.` +
			(current.changedSinceBackup ? ' Sổ trên máy có thay đổi chưa gửi.' : '')
		: '';
	const preview = `Tệp ${file.name} có ${tally.households.length} hộ của làng “${tally.village}”${when}.${changes}`;
	return { tally, notices, preview };
}

// ——— What the page does with them (called by <gds-tally>) ———

export async function send(el: GdsTally, share: boolean) {
	if (!el.tally.households.length) return el.message('Sổ chưa có hộ nào để gửi.', true);
	if (!el.tally.village) {
		el.message('Hãy chọn hoặc ghi tên làng ở trên trước khi gửi tệp.', true);
		return el.$('[data-village-input], [data-village-select]').focus();
	}
	const sent = await sendFile(el.config, el.tally, share);
	const seen = el.$('[data-file-seen]');
	seen.hidden = true;
	if (sent.how === 'shared') return el.backedUp(`Đã gửi tệp ${sent.name}.`);
	if (sent.how === 'cancelled') return el.message('Chưa gửi tệp.', false);
	// A download cannot be confirmed by the page: the team leader checks, and the reminder stays until then.
	el.message(
		share
			? `Máy không gửi thẳng được, nên đang lưu tệp ${sent.name} vào mục Tải xuống (Download).\nĐể gửi qua Zalo: mở cuộc trò chuyện với cán bộ xã, bấm nút gửi tệp đính kèm, chọn tệp ${sent.name} trong mục Tải xuống.`
			: `Máy đang lưu tệp ${sent.name} vào mục Tải xuống (Download). Hãy mở mục Tải xuống xem tệp đã có chưa.`,
		false
	);
	seen.hidden = false;
}

export async function importFile(el: GdsTally, input: HTMLInputElement) {
	const file = input.files?.[0];
	input.value = '';
	if (!file) return;
	el.$('[data-import-confirm]').hidden = true;
	el.pending = null;
	try {
		el.pending = await readImport(file, el.config, el.tally);
	} catch (lines) {
		if (!Array.isArray(lines)) throw lines;
		const box = el.$('[data-import-message]');
		box.replaceChildren(
			Object.assign(document.createElement('p'), { textContent: 'Chưa nạp được tệp. Sổ trên máy giữ nguyên.' }),
			document.createElement('ul')
		);
		fillList(box.querySelector('ul')!, lines);
		box.dataset.kind = 'error';
		return;
	}
	// Never silently: what the file holds and what it would change, then a question.
	el.$('[data-import-question]').textContent = `${el.pending.preview} Thay sổ trên máy bằng tệp này?`;
	el.$('[data-import-confirm]').hidden = false;
	el.message(el.pending.notices.join(' '), false);
	el.$('[data-action=import-no]').focus();
}

export function applyImport(el: GdsTally) {
	const { tally, notices } = el.pending!;
	el.pending = null;
	el.$('[data-import-confirm]').hidden = true;
	const kept = el.tally.households.length ? keepBeforeImport(el.tally) : false;
	// What was just read is a file on this device: it counts as a copy of this state.
	if (!el.save({ ...el.tally, ...tally, changedSinceBackup: false })) return;
	el.openId = null;
	el.renderAll();
	el.showRestore(kept);
	el.message([`Đã nạp ${tally.households.length} hộ của làng “${tally.village}”.`, ...notices].join(' '), false);
}

export function restore(el: GdsTally) {
	const before = beforeImport(el.config.criteria);
	if (!before) return el.message('Không còn sổ cũ để lấy lại.', true);
	if (!el.save(before)) return;
	forgetBeforeImport();
	el.openId = null;
	el.renderAll();
	el.showRestore(false);
	el.message(`Đã lấy lại sổ trước khi nạp tệp: ${before.households.length} hộ.`, false);
}

/** Called once the household has confirmed. */
export function clearDevice(el: GdsTally) {
	const removed = clearDeviceData(localStorage);
	el.readOnly = false;
	el.load(false);
	el.openId = null;
	el.renderAll();
	el.showRestore(false);
	el.message(`Đã xóa dữ liệu của trang trên máy này (${removed} mục).`, false);
}
