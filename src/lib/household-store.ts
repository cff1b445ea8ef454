/**
 * Where a household's answers live: one versioned record in the phone's localStorage, never
 * sent anywhere. The same record is what "Lưu ra tệp" writes and "Mở tệp" reads. Reading never
 * throws: whatever can be recovered is kept, and what could not be is told in one sentence.
 */
import { cleanAnswers, type Answers, type AnswerState, type CriterionRef, type Progress } from './answers';

export const STORAGE_KEY = 'gia-dinh-so:gia-dinh-toi';
/** The last record that needed repair, kept as it was in case someone can do better by hand. */
export const BACKUP_KEY = 'gia-dinh-so:gia-dinh-toi:ban-hong';
/** The answers as they were before the last "Mở tệp đã lưu", for "Lấy lại câu trả lời cũ". */
export const BEFORE_IMPORT_KEY = 'gia-dinh-so:gia-dinh-toi:truoc-khi-mo-tep';
/** Every key of this site in the phone's storage starts with this. */
export const KEY_PREFIX = 'gia-dinh-so:';
export const RECORD_KIND = 'gia-dinh-so/household';
export const RECORD_VERSION = 1;
/** An exported file is a few hundred bytes; anything much larger is not ours. */
export const MAX_FILE_BYTES = 64 * 1024;

export interface HouseholdRecord {
	kind: typeof RECORD_KIND;
	version: typeof RECORD_VERSION;
	/** The criteria list the answers were given against, so a later site version can tell what changed. */
	criteria: string[];
	answers: Answers;
	savedAt: string;
}

export interface Loaded {
	answers: Answers;
	/** One plain sentence for the household when something had to be repaired; absent when all was well. */
	notice?: string;
	/** True when the stored record should be rewritten in the current form. */
	repaired: boolean;
	/** Saved by a newer version of the page: shown, but never written over by this one. */
	newer?: boolean;
}

/** Only the parts of Storage we use, so tests can pass a Map-backed stand-in. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const NOTICES = {
	unreadable: 'Câu trả lời đã lưu trên máy bị hỏng nên không đọc được, bà con đánh dấu lại giúp.',
	partlyRead: (kept: number) =>
		`Câu trả lời đã lưu trên máy bị hỏng một phần, đã giữ lại ${kept} câu đọc được, bà con xem lại giúp.`,
	noStorage: 'Điện thoại này không cho lưu câu trả lời, bà con hãy ghi lại mã ngắn hoặc in trang này.',
	notSaved: 'Chưa lưu được câu trả lời vì bộ nhớ điện thoại đã đầy hoặc bị khóa.',
	listChanged: (kept: number, dropped: number, added: number) =>
		[
			`Danh sách tiêu chí đã thay đổi, đã giữ ${kept} câu trả lời cũ`,
			dropped ? `, bỏ ${dropped} câu không còn dùng được` : '',
			added ? `, có ${added} tiêu chí mới chưa đánh dấu` : '',
			', bà con xem lại giúp.',
		].join(''),
	invalid: (dropped: number) => `Có ${dropped} câu trả lời đã lưu không hợp lệ nên đã bỏ, bà con xem lại giúp.`,
	notOurFile: 'Tệp này không phải tệp câu trả lời “Gia đình số”, câu trả lời trên máy vẫn giữ nguyên.',
	emptyFile: 'Tệp này không có câu trả lời nào dùng được, câu trả lời trên máy vẫn giữ nguyên.',
	tooBig: 'Tệp này quá lớn, không phải tệp câu trả lời “Gia đình số”, câu trả lời trên máy vẫn giữ nguyên.',
	newerFile: 'Tệp này được lưu bằng bản mới hơn của trang, nên trang này chưa mở được. Câu trả lời trên máy vẫn giữ nguyên. Hãy mở lại trang khi có mạng rồi thử lại.',
	newerRecord:
		'Câu trả lời trên máy được lưu bằng bản mới hơn của trang. Trang đang mở là bản cũ nên chỉ cho xem, không cho sửa, để khỏi làm hỏng. Hãy mở lại trang khi có mạng.',
} as const;

/** The phone's localStorage, or undefined where even asking for it throws (storage blocked). */
export function browserStorage(): StorageLike | undefined {
	try {
		return globalThis.localStorage ?? undefined;
	} catch {
		return undefined;
	}
}

/** "đạt 14 / 19 tiêu chí áp dụng", the same words on the checklist and in every lesson. */
export function progressText({ met, applicable }: Progress): string {
	return `đạt ${met} / ${applicable} tiêu chí áp dụng`;
}

export function makeRecord(criteria: CriterionRef[], answers: Answers, now: Date = new Date()): HouseholdRecord {
	return {
		kind: RECORD_KIND,
		version: RECORD_VERSION,
		criteria: criteria.map((c) => c.id),
		answers,
		savedAt: now.toISOString(),
	};
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Pulls `"cq-1": "dat"` pairs out of text that is no longer valid JSON (a write cut short, a bad edit). */
export function salvagePairs(text: string): Record<string, string> {
	const pairs: Record<string, string> = {};
	for (const m of text.matchAll(/"([a-z]{2}-\d{1,2})"\s*:\s*"([a-z-]+)"/g)) pairs[m[1]!] = m[2]!;
	return pairs;
}

/**
 * Understands every form the answers have been kept in: the current record, a bare
 * `{ "cq-1": "dat" }` object (before records had a version), and text that is not JSON at all.
 */
export function readRecord(criteria: CriterionRef[], text: string | null): Loaded {
	if (text === null || text === '') return { answers: {}, repaired: false };
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		const { answers } = cleanAnswers(criteria, salvagePairs(text));
		const kept = Object.keys(answers).length;
		return { answers, notice: kept ? NOTICES.partlyRead(kept) : NOTICES.unreadable, repaired: true };
	}
	if (!isObject(parsed)) return { answers: {}, notice: NOTICES.unreadable, repaired: true };

	const isRecord = parsed.kind === RECORD_KIND || 'answers' in parsed;
	if (isRecord && typeof parsed.version === 'number' && parsed.version > RECORD_VERSION) {
		// Read what this version understands, for showing only; the record itself stays as it is.
		const { answers } = cleanAnswers(criteria, isObject(parsed.answers) ? parsed.answers : {});
		return { answers, notice: NOTICES.newerRecord, repaired: false, newer: true };
	}
	const raw = isRecord ? parsed.answers : parsed;
	const savedList = isRecord && Array.isArray(parsed.criteria) ? parsed.criteria.map(String) : undefined;
	if (!isObject(raw)) return { answers: {}, notice: NOTICES.unreadable, repaired: true };

	const { answers, dropped } = cleanAnswers(criteria, raw);
	const current = criteria.map((c) => c.id);
	const added = savedList ? current.filter((id) => !savedList.includes(id)).length : 0;
	const unknown = Object.keys(raw).some((id) => !current.includes(id));
	const listChanged = unknown || (savedList !== undefined && (added > 0 || savedList.some((id) => !current.includes(id))));
	const kept = Object.keys(answers).length;
	if (listChanged) return { answers, notice: NOTICES.listChanged(kept, dropped.length, added), repaired: true };
	if (dropped.length) return { answers, notice: NOTICES.invalid(dropped.length), repaired: true };
	// A bare object from before records had a version: nothing lost, just rewrite it.
	return { answers, repaired: !isRecord || parsed.version !== RECORD_VERSION };
}

/** Reads the household's answers from storage, repairing (and reporting) what it has to. */
export function loadHousehold(storage: StorageLike | undefined, criteria: CriterionRef[]): Loaded {
	let text: string | null;
	try {
		if (!storage) throw new Error('no storage');
		text = storage.getItem(STORAGE_KEY);
	} catch {
		return { answers: {}, notice: NOTICES.noStorage, repaired: false };
	}
	const loaded = readRecord(criteria, text);
	if (loaded.repaired) {
		try {
			// Keep the damaged original once, then store the repaired form so the notice is shown only this time.
			if (loaded.notice && text) storage.setItem(BACKUP_KEY, text);
			storage.setItem(STORAGE_KEY, JSON.stringify(makeRecord(criteria, loaded.answers)));
		} catch {
			/* Nothing more can be done; the answers are still on screen. */
		}
	}
	return loaded;
}

/** Whether storage holds a record written by a newer version of the page (which this one must not overwrite). */
export function newerStored(storage: StorageLike | undefined): boolean {
	try {
		const parsed: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null');
		return isObject(parsed) && typeof parsed.version === 'number' && parsed.version > RECORD_VERSION;
	} catch {
		return false;
	}
}

/** Saves the answers; false when the phone refuses (storage full, disabled or blocked) or a newer page's record is there. */
export function saveHousehold(storage: StorageLike | undefined, criteria: CriterionRef[], answers: Answers): boolean {
	try {
		if (!storage || newerStored(storage)) return false;
		storage.setItem(STORAGE_KEY, JSON.stringify(makeRecord(criteria, answers)));
		return true;
	} catch {
		return false;
	}
}

export function clearHousehold(storage: StorageLike | undefined): void {
	try {
		storage?.removeItem(STORAGE_KEY);
	} catch {
		/* Nothing to clear if storage is blocked. */
	}
}

/** The file "Lưu ra tệp" downloads: the record itself, readable if someone opens it. */
export function exportFile(criteria: CriterionRef[], answers: Answers, now: Date = new Date()): { name: string; text: string } {
	const pad = (n: number) => String(n).padStart(2, '0');
	const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
	return { name: `gia-dinh-so-${day}.json`, text: `${JSON.stringify(makeRecord(criteria, answers, now), null, '\t')}\n` };
}

export type Imported = { ok: true; answers: Answers; notice?: string } | { ok: false; message: string };

/**
 * Checks a file chosen in "Mở tệp đã lưu". Only a record of our kind is taken; anything else is
 * refused with a sentence, and the caller keeps the answers it has.
 */
export function parseImport(criteria: CriterionRef[], text: string): Imported {
	if (text.length > MAX_FILE_BYTES) return { ok: false, message: NOTICES.tooBig };
	let parsed: unknown;
	try {
		parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return { ok: false, message: NOTICES.notOurFile };
	}
	if (!isObject(parsed) || parsed.kind !== RECORD_KIND || !isObject(parsed.answers))
		return { ok: false, message: NOTICES.notOurFile };
	if (typeof parsed.version === 'number' && parsed.version > RECORD_VERSION) return { ok: false, message: NOTICES.newerFile };
	const loaded = readRecord(criteria, JSON.stringify(parsed));
	if (Object.keys(parsed.answers).length > 0 && Object.keys(loaded.answers).length === 0)
		return { ok: false, message: NOTICES.emptyFile };
	return { ok: true, answers: loaded.answers, notice: loaded.notice };
}

/** Calls `reload` when another tab (a lesson's control, the checklist) or the back button may have changed the answers. */
export function onHouseholdChange(reload: () => void) {
	window.addEventListener('storage', (e) => e.key === STORAGE_KEY && reload());
	window.addEventListener('pageshow', (e) => e.persisted && reload());
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
