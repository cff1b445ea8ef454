/**
 * The tally as saved in the browser's storage on the team leader's phone. The record carries a
 * version so that a later site can read what an earlier one saved; what cannot be read is kept
 * aside under another key, never overwritten.
 */
import { cleanAnswers, type CriterionRef } from './answers';
import { cleanText, newId, type Household, type Tally } from './tally';

export const STORAGE_KEY = 'gia-dinh-so:so-theo-doi';
export const STORAGE_VERSION = 1;

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
}

export function emptyTally(): StoredTally {
	return { version: STORAGE_VERSION, village: '', households: [], lastBackup: null, changedSinceBackup: false };
}

/** Reads what storage holds (null when nothing was saved yet) against today's criteria. */
export function readStored(raw: string | null, criteria: CriterionRef[]): Loaded {
	if (raw === null) return { tally: emptyTally(), notices: [], unreadable: false };
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		data = undefined;
	}
	const record = data as Partial<StoredTally> | undefined;
	if (!record || typeof record !== 'object' || record.version !== STORAGE_VERSION || !Array.isArray(record.households))
		return {
			tally: emptyTally(),
			notices: ['Không đọc được sổ đã lưu trên máy này (có thể do phiên bản khác của trang). Sổ cũ được giữ riêng trên máy; hãy nạp tệp sao lưu CSV gần nhất.'],
			unreadable: true,
		};
	const notices = new Set<string>();
	const households: Household[] = [];
	for (const h of record.households as unknown[]) {
		if (!h || typeof h !== 'object') continue;
		const item = h as Partial<Household>;
		const name = typeof item.name === 'string' ? cleanText(item.name) : '';
		if (!name) {
			notices.add('Một hộ không có tên đã bị bỏ.');
			continue;
		}
		const { answers, dropped } = cleanAnswers(criteria, item.answers ?? {});
		dropped.forEach((d) => notices.add(d));
		households.push({
			id: typeof item.id === 'string' && item.id ? item.id : newId(),
			name,
			houseNumber: typeof item.houseNumber === 'string' ? cleanText(item.houseNumber) : '',
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
