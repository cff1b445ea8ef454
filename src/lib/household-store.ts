/**
 * Where a household's answers live: one versioned record in the phone's localStorage, never
 * sent anywhere. The same record is what "Lưu ra tệp" writes and "Mở tệp" reads. Reading never
 * throws: whatever can be recovered is kept, and what could not be is told in one sentence.
 */
import { cleanAnswers, type Answers, type CriterionRef, type Progress } from './answers';
import { onStoredChange } from './stored-change';

export const STORAGE_KEY = 'gia-dinh-so:gia-dinh-toi';
/** The last record that needed repair, kept as it was in case someone can do better by hand. */
export const BACKUP_KEY = 'gia-dinh-so:gia-dinh-toi:ban-hong';
export const RECORD_KIND = 'gia-dinh-so/household';
export const RECORD_VERSION = 1;

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

export const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

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

/** Calls `reload` when another tab (a lesson's control, the checklist) or the back button may have changed the answers. */
export function onHouseholdChange(reload: () => void) {
	onStoredChange((key) => key === STORAGE_KEY, reload);
}
