import { describe, expect, it } from 'vitest';
import { loadSiteData } from '../data/load';
import type { Answers } from './answers';
import { parseCsv } from './csv';
import { readTallyFile, tallyToCsv } from './tally-csv';
import { communeSummaryCsv, mergeVillageFiles, TOTAL_LABEL } from './tally-merge';
import type { Household } from './tally';

const { criteria, groups } = loadSiteData(process.cwd(), { env: {} });
const all = (state: Answers[string]): Answers => Object.fromEntries(criteria.map((c) => [c.id, state]));

/** A village's exported file, read back as the commune office reads it. */
function villageFile(file: string, village: string, households: [string, string, Answers][]) {
	const list: Household[] = households.map(([name, houseNumber, answers], i) => ({ id: String(i), name, houseNumber, answers }));
	return readTallyFile(file, new TextEncoder().encode(tallyToCsv(criteria, village, list)), criteria);
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

	it('has one row per village, in Vietnamese order, and a commune total', () => {
		const s = mergeVillageFiles(criteria, groups, [a, b]);
		expect(s.villages.map((v) => [v.village, v.summary.households, v.summary.overall.met])).toEqual([
			['Đê Ar', 3, 2],
			['Kon Chiêng', 2, 1],
		]);
		expect(s.total.households).toBe(5);
		expect(s.total.overall).toEqual({ met: 3, of: 5 });
		expect(s.total.criteria.find((c) => c.id === 'cq-1')).toMatchObject({ met: 3, of: 5 });
	});

	it('joins two files of the same village into one row', () => {
		const a2 = villageFile('lang-a-may-2.csv', 'kon chieng', [['Đinh Văn C', '9', all('dat')]]);
		const s = mergeVillageFiles(criteria, groups, [a, a2]);
		expect(s.villages).toHaveLength(1);
		expect(s.villages[0]).toMatchObject({ village: 'Kon Chiêng', files: ['lang-a.csv', 'lang-a-may-2.csv'] });
		expect(s.villages[0]!.summary.households).toBe(3);
	});

	it('flags a household found in two files, with the file and row of each', () => {
		const s = mergeVillageFiles(criteria, groups, [a, b]);
		expect(s.duplicates).toEqual([
			{
				name: 'Đinh Văn A',
				houseNumber: '1',
				places: [
					{ file: 'lang-a.csv', row: 2, village: 'Kon Chiêng' },
					{ file: 'lang-b.csv', row: 3, village: 'Đê Ar' },
				],
			},
		]);
	});

	it('does not flag the same name and number twice within one file under two villages', () => {
		const mixed = readTallyFile(
			'xa.csv',
			new TextEncoder().encode(
				tallyToCsv(criteria, 'A', [{ id: '1', name: 'Y Sao', houseNumber: '5', answers: {} }]) +
					tallyToCsv(criteria, 'B', [{ id: '1', name: 'Y Sao', houseNumber: '5', answers: {} }]).split('\r\n').slice(1).join('\r\n')
			),
			criteria
		);
		expect(mergeVillageFiles(criteria, groups, [mixed]).duplicates).toEqual([]);
	});

	it('writes the summary as CSV with the shares and the total', () => {
		const rows = parseCsv(communeSummaryCsv(criteria, groups, mergeVillageFiles(criteria, groups, [a, b])));
		expect(rows[0]!.slice(0, 5)).toEqual(['Làng', 'Số hộ', 'Hộ Gia đình số', 'Tỉ lệ Gia đình số', 'Chính quyền số (đạt cả nhóm)']);
		expect(rows.map((r) => r[0])).toEqual(['Làng', 'Đê Ar', 'Kon Chiêng', TOTAL_LABEL]);
		expect(rows[3]!.slice(1, 4)).toEqual(['5', '3', '60%']);
		expect(rows[1]![rows[0]!.indexOf('CQ-1')]).toBe('66,6%');
	});
});
