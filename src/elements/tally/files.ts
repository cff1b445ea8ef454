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
import type { TallyConfig } from './config';

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
