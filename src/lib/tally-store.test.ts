import { describe, expect, it } from 'vitest';
import { loadSiteData } from '../data/load';
import { emptyTally, needsBackup, readStored, serializeStored, STORAGE_VERSION, type StoredTally } from './tally-store';

const { criteria } = loadSiteData(process.cwd(), { env: {} });

const saved: StoredTally = {
	version: STORAGE_VERSION,
	village: 'Kon Chiêng',
	households: [{ id: 'h1', name: 'Đinh Văn A', houseNumber: '12', answers: { 'cq-1': 'dat', 'kt-2': 'khong-ap-dung' } }],
	lastBackup: '2026-11-20T08:00:00.000Z',
	changedSinceBackup: true,
};

describe('the tally saved on the device', () => {
	it('reads back what was saved', () => {
		expect(readStored(serializeStored(saved), criteria)).toEqual({ tally: saved, notices: [], unreadable: false, newer: false });
	});

	it('starts empty on a new device', () => {
		expect(readStored(null, criteria)).toEqual({ tally: emptyTally(), notices: [], unreadable: false, newer: false });
	});

	it('says so when it cannot read what is saved, rather than pretending the village is empty', () => {
		for (const raw of ['{not json', '{"version":0,"households":[]}', '[]']) {
			const loaded = readStored(raw, criteria);
			expect(loaded.unreadable).toBe(true);
			expect(loaded.tally.households).toEqual([]);
		}
	});

	it('leaves a record from a newer version alone and says so plainly', () => {
		const raw = JSON.stringify({ ...saved, version: STORAGE_VERSION + 1, extra: { kept: true } });
		const loaded = readStored(raw, criteria);
		expect(loaded).toMatchObject({ newer: true, unreadable: false });
		expect(loaded.notices[0]).toMatch(/bản mới hơn của trang/);
	});

	it('reads a version 1 record, and keeps a household that has only a house number', () => {
		const v1 = { ...saved, version: 1, households: [...saved.households, { id: 'h2', name: '', houseNumber: '7', answers: {} }] };
		const loaded = readStored(JSON.stringify(v1), criteria);
		expect(loaded.tally.version).toBe(STORAGE_VERSION);
		expect(loaded.tally.households.map((h) => h.houseNumber)).toEqual(['12', '7']);
	});

	it('drops answers for criteria no longer in the list, and says which', () => {
		const old = { ...saved, households: [{ ...saved.households[0]!, answers: { 'cq-1': 'dat', 'zz-1': 'dat' } }] };
		const loaded = readStored(JSON.stringify(old), criteria);
		expect(loaded.tally.households[0]!.answers).toEqual({ 'cq-1': 'dat' });
		expect(loaded.notices).toEqual(['Tiêu chí ZZ-1 không còn trong danh sách, đã bỏ câu trả lời của nó.']);
	});

	it('asks for a backup after a week of unsaved changes', () => {
		expect(needsBackup(saved, new Date('2026-11-25T08:00:00Z'))).toBe(false);
		expect(needsBackup(saved, new Date('2026-11-27T08:00:00Z'))).toBe(true);
		expect(needsBackup({ ...saved, lastBackup: null }, new Date('2026-11-20T09:00:00Z'))).toBe(true);
		expect(needsBackup({ ...saved, changedSinceBackup: false }, new Date('2027-01-01T00:00:00Z'))).toBe(false);
	});
});
