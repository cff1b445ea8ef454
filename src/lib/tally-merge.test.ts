import { describe, expect, it } from 'vitest';
import { loadSiteData } from '../data/load';
import type { Answers } from './answers';
import { parseCsv } from './csv';
import { readTallyFile, tallyToCsv } from './tally-csv';
import { canonicalVillage, communeSummaryCsv, mergeVillageFiles, reportedText, TOTAL_LABEL } from './tally-merge';
import type { Household } from './tally';

const { criteria, groups } = loadSiteData(process.cwd(), { env: {} });
const all = (state: Answers[string]): Answers => Object.fromEntries(criteria.map((c) => [c.id, state]));
const titles = Object.fromEntries(criteria.map((c) => [c.id, c.title]));

/** A village's exported file, read back as the commune office reads it. */
function villageFile(file: string, village: string, households: [string, string, Answers][], exportedAt = new Date('2026-11-23T09:00:00+07:00')) {
	const list: Household[] = households.map(([name, houseNumber, answers], i) => ({ id: String(i), name, houseNumber, answers }));
	return readTallyFile(file, new TextEncoder().encode(tallyToCsv(criteria, village, list, exportedAt)), criteria);
}

describe('the commune summary', () => {
	const a = villageFile('lang-a.csv', 'Kon Chiêng', [
		['Đinh Văn A', '1', all('dat')],
		['Đinh Thị B', '2', all('chua-dat')],
	]);
	const b = villageFile('lang-b.csv', 'Đê Ar', [
		['Y Sao', '5', all('dat')],
		['Đinh Văn A', '1', all('dat')],
		['Y Lan', '', { ...all('dat'), 'cq-1': 'chua-dat' }],
	]);

	it('has one row per village, in Vietnamese order, and a commune total that counts a household in two villages once', () => {
		const s = mergeVillageFiles(criteria, groups, [a, b]);
		expect(s.villages.map((v) => [v.village, v.summary.households, v.summary.overall.met, v.countedElsewhere])).toEqual([
			['Đê Ar', 3, 2, 0],
			['Kon Chiêng', 1, 0, 1],
		]);
		expect(s.total.households).toBe(4);
		expect(s.total.overall).toEqual({ met: 2, of: 4 });
		expect(s.duplicates).toEqual([
			{
				name: 'Đinh Văn A',
				houseNumber: '1',
				countedIn: 'Đê Ar',
				places: [
					{ file: 'lang-b.csv', row: 3, village: 'Đê Ar' },
					{ file: 'lang-a.csv', row: 2, village: 'Kon Chiêng' },
				],
			},
		]);
	});

	it('keeps the newest export of a village and sets the older one aside, whatever the order', () => {
		const later = villageFile('lang-a-thu-sau.csv', 'kon chieng', [['Đinh Văn C', '9', all('dat')]], new Date('2026-11-27T16:00:00+07:00'));
		for (const files of [
			[a, later],
			[later, a],
		]) {
			const s = mergeVillageFiles(criteria, groups, files);
			expect(s.villages).toHaveLength(1);
			expect(s.villages[0]).toMatchObject({ file: 'lang-a-thu-sau.csv' });
			expect(s.total.households).toBe(1);
			expect(s.setAside).toHaveLength(1);
			expect(s.setAside[0]).toMatchObject({ file: 'lang-a.csv' });
			expect(s.setAside[0]!.reason).toMatch(/cũ hơn tệp lang-a-thu-sau.csv/);
		}
	});

	it('counts the same file chosen twice (saved again under another name) once', () => {
		const again = { ...a, file: 'lang-a (1).csv' };
		const s = mergeVillageFiles(criteria, groups, [a, again]);
		expect(s.total.households).toBe(2);
		expect(s.setAside[0]!.reason).toMatch(/giống hệt/);
	});

	it('matches villages to the commune list, so "Làng Kon Chiêng" and "Kon Chiêng" are one, and says how many have reported', () => {
		const list = [{ name: 'Làng Kon Chiêng', households: 40 }, { name: 'Làng Đê Ar', households: 60 }, ...Array.from({ length: 9 }, (_, i) => ({ name: `Làng ${i}` }))];
		expect(canonicalVillage('kon chieng', list)).toEqual({ name: 'Làng Kon Chiêng', listed: true });
		const other = villageFile('may-2.csv', 'Làng Kon Chiêng', [['Đinh Văn C', '9', all('dat')]], new Date('2026-11-28T08:00:00+07:00'));
		const s = mergeVillageFiles(criteria, groups, [a, other], list);
		expect(s.villages.map((v) => [v.village, v.total])).toEqual([['Làng Kon Chiêng', 40]]);
		expect(reportedText(s)).toBe('1/11 làng đã nộp');
		expect(s.missing).toContain('Làng Đê Ar');
	});

	it('counts the villages in the table against the number of villages while the list has no names', () => {
		const s = mergeVillageFiles(criteria, groups, [a, b], Array.from({ length: 11 }, () => ({ name: '' })));
		expect(reportedText(s)).toBe('2/11 làng đã nộp');
		expect(s.villages.every((v) => !v.unlisted)).toBe(true);
	});

	it('does not match households without a house number across villages', () => {
		const c = villageFile('lang-c.csv', 'C', [['Y Lan', '', all('dat')]]);
		const s = mergeVillageFiles(criteria, groups, [b, c]);
		expect(s.duplicates).toEqual([]);
		expect(s.total.households).toBe(4);
	});

	it('writes the report as CSV: header, date, counts and rounded percentages, criteria, the weakest and the signer', () => {
		const s = mergeVillageFiles(criteria, groups, [a, b]);
		const rows = parseCsv(communeSummaryCsv(criteria, groups, s, { office: 'UBND xã Kon Chiêng', title: 'BÁO CÁO', date: new Date(2026, 10, 30), goal: 80, criterionTitles: titles }));
		expect(rows[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
		expect(rows[4]![0]).toBe('Tính đến ngày 30/11/2026');
		const head = rows.findIndex((r) => r[0] === 'Làng');
		expect(rows[head + 1]!.slice(0, 7)).toEqual(['Đê Ar', '3', '', '', '2', '66,7', 'chưa đạt']);
		expect(rows[head + 3]!.slice(0, 2)).toEqual([TOTAL_LABEL, '4']);
		expect(rows.find((r) => r[0] === 'CQ-1')!.slice(2)).toEqual(['2', '4', '50,0']);
		expect(rows.find((r) => r[0] === '3 tiêu chí thấp nhất')![1]).toMatch(/^CQ-1 /);
		expect(rows.some((r) => r[0] === 'NGƯỜI LẬP BIỂU')).toBe(true);
	});
});
