/**
 * The household's answers as a file ("Lưu ra tệp", "Mở tệp đã lưu"), what opening one would
 * change, the copy kept for "Lấy lại câu trả lời cũ", and "Xóa dữ liệu trên máy này". Loaded
 * only when one of these is used, so the checklist's first visit stays small.
 */
import type { Answers, AnswerState, CriterionRef } from './answers';
import { localIsoDate } from './date';
import { isObject, makeRecord, readRecord, RECORD_KIND, RECORD_VERSION, type StorageLike } from './household-store';

/** The answers as they were before the last "Mở tệp đã lưu", for "Lấy lại câu trả lời cũ". */
export const BEFORE_IMPORT_KEY = 'gia-dinh-so:gia-dinh-toi:truoc-khi-mo-tep';
/** Every key of this site in the phone's storage starts with this. */
export const KEY_PREFIX = 'gia-dinh-so:';
/** An exported file is a few hundred bytes; anything much larger is not ours. */
export const MAX_FILE_BYTES = 64 * 1024;

export const FILE_NOTICES = {
	notOurFile: 'Tệp này không phải tệp câu trả lời “Gia đình số”, câu trả lời trên máy vẫn giữ nguyên.',
	emptyFile: 'Tệp này không có câu trả lời nào dùng được, câu trả lời trên máy vẫn giữ nguyên.',
	tooBig: 'Tệp này quá lớn, không phải tệp câu trả lời “Gia đình số”, câu trả lời trên máy vẫn giữ nguyên.',
	newerFile: 'Tệp này được lưu bằng bản mới hơn của trang, nên trang này chưa mở được. Câu trả lời trên máy vẫn giữ nguyên. Hãy mở lại trang khi có mạng rồi thử lại.',
} as const;

/** The file "Lưu ra tệp" downloads: the record itself, readable if someone opens it. */
export function exportFile(criteria: CriterionRef[], answers: Answers, now: Date = new Date()): { name: string; text: string } {
	return { name: `gia-dinh-so-${localIsoDate(now)}.json`, text: `${JSON.stringify(makeRecord(criteria, answers, now), null, '\t')}\n` };
}

export type Imported = { ok: true; answers: Answers; notice?: string } | { ok: false; message: string };

/**
 * Checks a file chosen in "Mở tệp đã lưu". Only a record of our kind is taken; anything else is
 * refused with a sentence, and the caller keeps the answers it has.
 */
export function parseImport(criteria: CriterionRef[], text: string): Imported {
	if (text.length > MAX_FILE_BYTES) return { ok: false, message: FILE_NOTICES.tooBig };
	let parsed: unknown;
	try {
		parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return { ok: false, message: FILE_NOTICES.notOurFile };
	}
	if (!isObject(parsed) || parsed.kind !== RECORD_KIND || !isObject(parsed.answers))
		return { ok: false, message: FILE_NOTICES.notOurFile };
	if (typeof parsed.version === 'number' && parsed.version > RECORD_VERSION) return { ok: false, message: FILE_NOTICES.newerFile };
	const loaded = readRecord(criteria, JSON.stringify(parsed));
	if (Object.keys(parsed.answers).length > 0 && Object.keys(loaded.answers).length === 0)
		return { ok: false, message: FILE_NOTICES.emptyFile };
	return { ok: true, answers: loaded.answers, notice: loaded.notice };
}

export interface Change {
	id: string;
	from?: AnswerState;
	to?: AnswerState;
}

/** What opening a file would change: one entry per criterion whose answer differs. */
export function diffAnswers(criteria: CriterionRef[], before: Answers, after: Answers): Change[] {
	return criteria.filter((c) => before[c.id] !== after[c.id]).map((c) => ({ id: c.id, from: before[c.id], to: after[c.id] }));
}

/** Keeps the answers about to be replaced; false when the phone refuses. */
export function keepBeforeImport(storage: StorageLike | undefined, criteria: CriterionRef[], answers: Answers): boolean {
	try {
		if (!storage) return false;
		storage.setItem(BEFORE_IMPORT_KEY, JSON.stringify(makeRecord(criteria, answers)));
		return true;
	} catch {
		return false;
	}
}

/** The answers kept by keepBeforeImport, or undefined. */
export function answersBeforeImport(storage: StorageLike | undefined, criteria: CriterionRef[]): Answers | undefined {
	try {
		const text = storage?.getItem(BEFORE_IMPORT_KEY);
		return text ? readRecord(criteria, text).answers : undefined;
	} catch {
		return undefined;
	}
}

/** "Xóa dữ liệu trên máy này": every key of this site (answers, tally, copies kept aside). */
export function clearDeviceData(storage: (StorageLike & Pick<Storage, 'key' | 'length'>) | undefined): number {
	if (!storage) return 0;
	const keys: string[] = [];
	try {
		for (let i = 0; i < storage.length; i++) {
			const k = storage.key(i);
			if (k?.startsWith(KEY_PREFIX)) keys.push(k);
		}
		keys.forEach((k) => storage.removeItem(k));
	} catch {
		/* Storage blocked: nothing was kept either. */
	}
	return keys.length;
}
