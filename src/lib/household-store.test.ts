import { describe, expect, it } from 'vitest';
import { loadSiteData } from '../data/load';
import type { Answers, CriterionRef } from './answers';
import { exportFile, FILE_NOTICES, parseImport } from './household-file';
import {
	BACKUP_KEY,
	loadHousehold,
	makeRecord,
	NOTICES as STORE_NOTICES,
	progressText,
	readRecord,
	saveHousehold,
	STORAGE_KEY,
	type StorageLike,
} from './household-store';

const NOTICES = { ...STORE_NOTICES, ...FILE_NOTICES };
import { decodeShortCode, encodeShortCode } from './shortcode';

const { criteria } = loadSiteData(process.cwd(), { env: {} });

/** A phone's localStorage, or one that refuses everything (private mode, storage full). */
function memoryStorage(initial: Record<string, string> = {}, { refuse = false } = {}) {
	const items = new Map(Object.entries(initial));
	const storage: StorageLike = {
		getItem: (k) => {
			if (refuse) throw new DOMException('blocked', 'SecurityError');
			return items.get(k) ?? null;
		},
		setItem: (k, v) => {
			if (refuse) throw new DOMException('full', 'QuotaExceededError');
			items.set(k, v);
		},
		removeItem: (k) => void items.delete(k),
	};
	return { storage, items };
}

const isOneSentence = (s: string | undefined) => !!s && /^[^.!?]+[.!?]$/.test(s.trim());

describe('saving answers on the phone', () => {
	it('gives back what was saved', () => {
		const { storage } = memoryStorage();
		const answers: Answers = { 'cq-1': 'dat', 'kt-2': 'khong-ap-dung', 'xh-9': 'chua-dat' };
		expect(saveHousehold(storage, criteria, answers)).toBe(true);
		expect(loadHousehold(storage, criteria)).toEqual({ answers, repaired: false });
	});

	it('starts empty and quiet on a phone that never saved anything', () => {
		expect(loadHousehold(memoryStorage().storage, criteria)).toEqual({ answers: {}, repaired: false });
	});

	it('stores a versioned record that names the criteria list', () => {
		const { storage, items } = memoryStorage();
		saveHousehold(storage, criteria, { 'cq-1': 'dat' });
		const record = JSON.parse(items.get(STORAGE_KEY)!);
		expect(record).toMatchObject({ kind: 'gia-dinh-so/household', version: 1, answers: { 'cq-1': 'dat' } });
		expect(record.criteria).toHaveLength(criteria.length);
	});

	it('says in one sentence when the phone will not store anything, and does not throw', () => {
		const { storage } = memoryStorage({}, { refuse: true });
		const loaded = loadHousehold(storage, criteria);
		expect(loaded.answers).toEqual({});
		expect(isOneSentence(loaded.notice)).toBe(true);
		expect(saveHousehold(storage, criteria, { 'cq-1': 'dat' })).toBe(false);
		expect(loadHousehold(undefined, criteria).notice).toBe(NOTICES.noStorage);
	});
});

describe('recovering damaged or old answers', () => {
	it('reports text that is not JSON in one sentence and keeps nothing it cannot read', () => {
		const loaded = readRecord(criteria, '}}not json at all');
		expect(loaded.answers).toEqual({});
		expect(loaded.notice).toBe(NOTICES.unreadable);
		expect(isOneSentence(loaded.notice)).toBe(true);
	});

	it('keeps the answers it can still read from a record cut short', () => {
		const whole = JSON.stringify(makeRecord(criteria, { 'cq-1': 'dat', 'cq-2': 'chua-dat', 'kt-3': 'khong-ap-dung' }));
		const cut = whole.slice(0, whole.indexOf('"kt-3":') + 9);
		const loaded = readRecord(criteria, cut);
		expect(loaded.answers).toEqual({ 'cq-1': 'dat', 'cq-2': 'chua-dat' });
		expect(loaded.notice).toBe(NOTICES.partlyRead(2));
		expect(isOneSentence(loaded.notice)).toBe(true);
	});

	it('reads JSON of the wrong shape as unreadable', () => {
		for (const text of ['42', '"dat"', '[1,2]', 'null', '{"kind":"gia-dinh-so/household","answers":"x"}'])
			expect(readRecord(criteria, text)).toMatchObject({ answers: {}, notice: NOTICES.unreadable });
	});

	it('keeps answers saved under an older criteria list and says what changed in one sentence', () => {
		const older: CriterionRef[] = [...criteria.filter((c) => c.id !== 'xh-9'), { id: 'xh-10', group: 'xa-hoi-so', appliesTo: 'all' }];
		const text = JSON.stringify(makeRecord(older, { 'cq-1': 'dat', 'kt-2': 'khong-ap-dung', 'xh-10': 'dat' }));
		const loaded = readRecord(criteria, text);
		expect(loaded.answers).toEqual({ 'cq-1': 'dat', 'kt-2': 'khong-ap-dung' });
		expect(loaded.notice).toBe(NOTICES.listChanged(2, 1, 1));
		expect(loaded.notice).toContain('1 tiêu chí mới');
		expect(isOneSentence(loaded.notice)).toBe(true);
	});

	it('drops an impossible value (không áp dụng for a criterion every household must meet)', () => {
		const loaded = readRecord(criteria, JSON.stringify(makeRecord(criteria, { 'cq-1': 'khong-ap-dung', 'cq-2': 'dat' })));
		expect(loaded.answers).toEqual({ 'cq-2': 'dat' });
		expect(loaded.notice).toBe(NOTICES.invalid(1));
	});

	it('reads the bare answers object kept before records had a version, without a notice', () => {
		expect(readRecord(criteria, '{"cq-1":"dat","kt-3":"khong-ap-dung"}')).toEqual({
			answers: { 'cq-1': 'dat', 'kt-3': 'khong-ap-dung' },
			repaired: true,
		});
	});

	it('rewrites the repaired record once, keeping the damaged original aside', () => {
		const damaged = '{"kind":"gia-dinh-so/household","version":1,"answers":{"cq-1":"dat","cq-2":';
		const { storage, items } = memoryStorage({ [STORAGE_KEY]: damaged });
		const first = loadHousehold(storage, criteria);
		expect(first).toMatchObject({ answers: { 'cq-1': 'dat' }, notice: NOTICES.partlyRead(1) });
		expect(items.get(BACKUP_KEY)).toBe(damaged);
		expect(loadHousehold(storage, criteria)).toEqual({ answers: { 'cq-1': 'dat' }, repaired: false });
	});

	it('gives a valid short code for the current list from answers recovered from an older one', () => {
		const older = JSON.stringify({ 'cq-1': 'dat', 'xx-1': 'dat', 'kt-2': 'khong-ap-dung' });
		const { answers } = readRecord(criteria, older);
		const decoded = decodeShortCode(criteria, encodeShortCode(criteria, answers));
		expect(decoded['cq-1']).toBe('dat');
		expect(decoded['kt-2']).toBe('khong-ap-dung');
		expect(decoded['xh-9']).toBe('chua-dat');
	});
});

describe('answers in a file', () => {
	const answers: Answers = { 'cq-1': 'dat', 'kt-3': 'khong-ap-dung', 'xh-4': 'chua-dat' };

	it('exports a small dated JSON file that imports back to the same answers', () => {
		const file = exportFile(criteria, answers, new Date('2026-11-25T08:00:00Z'));
		expect(file.name).toBe('gia-dinh-so-2026-11-25.json');
		expect(file.text.length).toBeLessThan(1024);
		expect(parseImport(criteria, file.text)).toEqual({ ok: true, answers, notice: undefined });
	});

	it('refuses a file of the wrong kind with a sentence', () => {
		for (const text of ['not json', '{"cq-1":"dat"}', '{"kind":"other","answers":{}}', '[]', '<html></html>'])
			expect(parseImport(criteria, text)).toEqual({ ok: false, message: NOTICES.notOurFile });
	});

	it('refuses a file that is far too big to be ours', () => {
		expect(parseImport(criteria, `{"kind":"gia-dinh-so/household","answers":{},"x":"${'a'.repeat(70_000)}"}`)).toEqual({
			ok: false,
			message: NOTICES.tooBig,
		});
	});

	it('refuses a file of our kind whose answers are all unusable', () => {
		const text = JSON.stringify({ kind: 'gia-dinh-so/household', version: 1, answers: { 'zz-1': 'dat', 'cq-1': 'maybe' } });
		expect(parseImport(criteria, text)).toEqual({ ok: false, message: NOTICES.emptyFile });
	});

	it('takes a file from an older site version and says what changed', () => {
		const text = JSON.stringify({ kind: 'gia-dinh-so/household', version: 1, criteria: ['cq-1', 'zz-1'], answers: { 'cq-1': 'dat', 'zz-1': 'dat' } });
		const result = parseImport(criteria, text);
		expect(result).toMatchObject({ ok: true, answers: { 'cq-1': 'dat' } });
		expect(result.ok && isOneSentence(result.notice)).toBe(true);
	});

	it('accepts a file saved with a byte order mark (as some phones write text files)', () => {
		expect(parseImport(criteria, `\uFEFF${exportFile(criteria, answers).text}`)).toMatchObject({ ok: true, answers });
	});
});

describe('progress in words', () => {
	it('reads the same on the checklist and in the lessons', () => {
		expect(progressText({ met: 14, applicable: 19 })).toBe('đạt 14 / 19 tiêu chí áp dụng');
	});
});

describe('files and records from a newer version, and what opening a file changes', async () => {
	const store = { ...(await import('./household-store')), ...(await import('./household-file')) };
	const { loadSiteData: load } = await import('../data/load');
	const { criteria: list } = load(process.cwd(), { env: {} });
	const memory = () => {
		const m = new Map<string, string>();
		return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
	};

	it('refuses a newer file plainly', () => {
		const text = JSON.stringify({ kind: store.RECORD_KIND, version: 2, criteria: [], answers: { 'cq-1': 'dat' }, savedAt: '' });
		expect(store.parseImport(list, text)).toEqual({ ok: false, message: store.FILE_NOTICES.newerFile });
	});

	it('shows a newer stored record but never rewrites it', () => {
		const s = memory();
		const raw = JSON.stringify({ kind: store.RECORD_KIND, version: 2, answers: { 'cq-1': 'dat' }, notes: { x: 1 }, members: 4 });
		s.setItem(store.STORAGE_KEY, raw);
		const loaded = store.loadHousehold(s, list);
		expect(loaded).toMatchObject({ newer: true, answers: { 'cq-1': 'dat' }, notice: store.NOTICES.newerRecord });
		expect(store.saveHousehold(s, list, { 'cq-1': 'chua-dat' })).toBe(false);
		expect(s.getItem(store.STORAGE_KEY)).toBe(raw);
	});

	it('lists what a file would change, and keeps the answers it replaces', () => {
		expect(store.diffAnswers(list, { 'cq-1': 'dat', 'cq-2': 'dat' }, { 'cq-1': 'dat', 'cq-2': 'chua-dat', 'cq-3': 'dat' })).toEqual([
			{ id: 'cq-2', from: 'dat', to: 'chua-dat' },
			{ id: 'cq-3', from: undefined, to: 'dat' },
		]);
		const s = memory();
		expect(store.keepBeforeImport(s, list, { 'cq-1': 'dat' })).toBe(true);
		expect(store.answersBeforeImport(s, list)).toEqual({ 'cq-1': 'dat' });
	});

	it('"Xóa dữ liệu trên máy này" removes every key of the site and nothing else', () => {
		const m = new Map([
			['gia-dinh-so:gia-dinh-toi', '{}'],
			['gia-dinh-so:so-theo-doi', '{}'],
			['gia-dinh-so:so-theo-doi:khong-doc-duoc:x', '{}'],
			['portal-widget', 'x'],
		]);
		const s = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), key: (i: number) => [...m.keys()][i] ?? null, get length() { return m.size; } };
		expect(store.clearDeviceData(s)).toBe(3);
		expect([...m.keys()]).toEqual(['portal-widget']);
	});

	it('names the exported file with the phone’s own date', () => {
		expect(store.exportFile(list, {}, new Date(2026, 10, 30, 5, 0)).name).toBe('gia-dinh-so-2026-11-30.json');
	});
});
