/**
 * The tally as saved in the browser's storage on the team leader's phone. The record carries a
 * version so that a later site can read what an earlier one saved; what cannot be read is kept
 * aside under another key, never overwritten.
 */
import { cleanAnswers, type CriterionRef } from './answers';
import { cleanText, householdKey, householdLabel, newId, type Household, type Tally } from './tally';

export const NEWER_NOTICE =
	'Sổ trên máy được lưu bởi bản mới hơn của trang này. Trang đang mở là bản cũ (có thể là bản đã lưu để dùng khi không có mạng), nên không sửa sổ để khỏi làm hỏng. Hãy mở lại trang khi có mạng.';

/** What to tell the team leader when the saved record could not be read, depending on whether the copy aside worked. */
export function unreadableNotice(keptAside: boolean): string {
	return keptAside
		? 'Không đọc được sổ đã lưu trên máy này. Sổ cũ được giữ riêng trên máy; hãy nạp tệp sao lưu CSV gần nhất.'
		: 'Không đọc được sổ đã lưu trên máy này, và máy không còn chỗ để giữ riêng bản cũ. Trang không ghi đè lên nó: hãy nạp tệp sao lưu CSV gần nhất trước khi ghi thêm.';
}

export const STORAGE_KEY = 'gia-dinh-so:so-theo-doi';
/** 2: a household's name became optional (version 1 pages would drop nameless households, so they must not read these). */
export const STORAGE_VERSION = 2;
/** The tally as it was before the last import, for "Lấy lại sổ cũ". */
export const BEFORE_IMPORT_KEY = `${STORAGE_KEY}:truoc-khi-nap`;

export interface StoredTally extends Tally {
	version: typeof STORAGE_VERSION;
	/** ISO date and time of the last CSV export, or null before the first. */
	lastBackup: string | null;
	/** Whether anything changed since that export. */
	changedSinceBackup: boolean;
}

export interface Loaded {
	tally: StoredTally;
	/** Plain sentences about what could not be kept. */
	notices: string[];
	/** The saved text could not be read at all; the page keeps a copy and starts afresh. */
	unreadable: boolean;
	/** Saved by a newer version of the page: left untouched, and this page must not write over it. */
	newer: boolean;
}

export function emptyTally(): StoredTally {
	return { version: STORAGE_VERSION, village: '', households: [], lastBackup: null, changedSinceBackup: false };
}

/** Reads what storage holds (null when nothing was saved yet) against today's criteria. */
export function readStored(raw: string | null, criteria: CriterionRef[]): Loaded {
	if (raw === null) return { tally: emptyTally(), notices: [], unreadable: false, newer: false };
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		data = undefined;
	}
	const record = data as { version?: unknown; households?: unknown; village?: unknown; lastBackup?: unknown; changedSinceBackup?: unknown } | undefined;
	if (record && typeof record === 'object' && typeof record.version === 'number' && record.version > STORAGE_VERSION)
		return {
			tally: emptyTally(),
			notices: [NEWER_NOTICE],
			unreadable: false,
			newer: true,
		};
	// Version 1 differs only in that every household had a name: it reads as it is.
	if (!record || typeof record !== 'object' || (record.version !== STORAGE_VERSION && record.version !== 1) || !Array.isArray(record.households))
		return { tally: emptyTally(), notices: [], unreadable: true, newer: false };
	const notices = new Set<string>();
	const households: Household[] = [];
	const seen = new Set<string>();
	for (const h of record.households as unknown[]) {
		if (!h || typeof h !== 'object') continue;
		const item = h as Partial<Household>;
		const name = typeof item.name === 'string' ? cleanText(item.name) : '';
		const houseNumber = typeof item.houseNumber === 'string' ? cleanText(item.houseNumber) : '';
		if (!name && !houseNumber) {
			notices.add('Một hộ không có tên và số nhà đã bị bỏ.');
			continue;
		}
		const k = householdKey(name, houseNumber);
		if (seen.has(k)) {
			notices.add(`Hộ ${householdLabel({ name, houseNumber })} có hai lần trong sổ đã lưu; đã giữ cả hai, hãy xóa bớt một.`);
		}
		seen.add(k);
		const { answers, dropped } = cleanAnswers(criteria, item.answers ?? {});
		dropped.forEach((d) => notices.add(d));
		households.push({
			id: typeof item.id === 'string' && item.id ? item.id : newId(),
			name,
			houseNumber,
			answers,
		});
	}
	return {
		tally: {
			version: STORAGE_VERSION,
			village: typeof record.village === 'string' ? cleanText(record.village) : '',
			households,
			lastBackup: typeof record.lastBackup === 'string' ? record.lastBackup : null,
			changedSinceBackup: record.changedSinceBackup === true,
		},
		notices: [...notices],
		unreadable: false,
		newer: false,
	};
}

export function serializeStored(tally: StoredTally): string {
	return JSON.stringify(tally);
}

/** The key under which an unreadable record is set aside, dated so that two never collide. */
export function asideKey(now: Date): string {
	return `${STORAGE_KEY}:khong-doc-duoc:${now.toISOString()}`;
}

/** Days since the last backup, or undefined before the first. */
export function daysSinceBackup(tally: StoredTally, now: Date): number | undefined {
	if (!tally.lastBackup) return undefined;
	return Math.floor((now.getTime() - new Date(tally.lastBackup).getTime()) / 86_400_000);
}

/** Whether to press the team leader for a backup: unsaved changes and no export for a week (or ever). */
export function needsBackup(tally: StoredTally, now: Date): boolean {
	if (!tally.households.length || !tally.changedSinceBackup) return false;
	const days = daysSinceBackup(tally, now);
	return days === undefined || days >= 7;
}
