import { describe, expect, it } from 'vitest';
import { randomAnswers as householdAnswers } from '../../tests/unit/random-answers';
import { loadSiteData } from '../data/load';
import { BOM, parseCsv, serializeCsv } from './csv';
import { encodeShortCode } from './shortcode';
import { exportFileName, formatImportProblem, MAX_HOUSEHOLDS, readTallyFile, singleVillage, tallyToCsv, TallyImportError, type ImportProblem } from './tally-csv';
import type { Household } from './tally';

const { criteria } = loadSiteData(process.cwd(), { env: {} });
const ids = criteria.map((c) => c.id.toUpperCase());
const HEADER = ['Làng', 'Hộ gia đình', 'Số nhà', ...ids];
const bytes = (text: string) => new TextEncoder().encode(text);

const answersFrom = (seed: number) => householdAnswers(criteria, seed);

const households: Household[] = [
	{ id: '1', name: 'Đinh Văn Hùng, con trai', houseNumber: '12', answers: answersFrom(1) },
	{ id: '2', name: 'Nhà “bà Ly” "Hờ"', houseNumber: '', answers: answersFrom(2) },
	{ id: '3', name: 'Y Bư\nnhà sau suối', houseNumber: '7/2', answers: answersFrom(3) },
];

/** A file of rows of cells, with the full header unless one is given. */
function file(rows: string[][], header = HEADER): Uint8Array {
	return bytes(serializeCsv([header, ...rows]));
}
const row = (name: string, number: string, cell = 'đạt', village = 'Kon Chiêng') => [village, name, number, ...ids.map(() => cell)];

/** The problems a file is refused with; fails the test if it is accepted. */
function refusal(data: Uint8Array, name = 'lang-a.csv'): ImportProblem[] {
	try {
		readTallyFile(name, data, criteria);
	} catch (error) {
		expect(error).toBeInstanceOf(TallyImportError);
		return (error as TallyImportError).problems;
	}
	throw new Error('the file was accepted');
}

describe('the tally as CSV', () => {
	it('round-trips households with Vietnamese names, commas, quotes and line breaks', () => {
		const text = tallyToCsv(criteria, 'Kon Chiêng', households);
		expect(text.startsWith(BOM)).toBe(true);
		expect(parseCsv(text)[0]).toEqual(['Làng', 'Hộ gia đình', 'Số nhà', 'Mã ngắn', ...ids, 'Thời điểm xuất tệp', 'Phiên bản tệp']);
		expect(parseCsv(text)[1]!.slice(4, 7)).toEqual(['CQ-1', 'CQ-2', 'CQ-3'].map((id) => ({ dat: 'đạt', 'chua-dat': 'chưa đạt', 'khong-ap-dung': 'không áp dụng' })[answersFrom(1)[id.toLowerCase()]!]));
		const back = readTallyFile('lang.csv', bytes(text), criteria);
		expect(back.households.map(({ village, name, houseNumber, answers }) => ({ village, name, houseNumber, answers }))).toEqual(
			households.map(({ name, houseNumber, answers }) => ({ village: 'Kon Chiêng', name: name.replace(/\s+/g, ' '), houseNumber, answers }))
		);
		expect(back.notices).toEqual([]);
	});

	it('reads what people type: no tone marks, capitals, spaces, a semicolon file', () => {
		const text = ['Lang;Ho gia dinh;So nha;' + ids.join(';'), `Kon Chiêng;A;1;${ids.map(() => ' Chua Dat ').join(';')}`].join('\r\n');
		const back = readTallyFile('a.csv', bytes(text), criteria);
		expect(Object.values(back.households[0]!.answers).every((s) => s === 'chua-dat')).toBe(true);
	});

	it('names the export after the village and the day', () => {
		expect(exportFileName('Kon Chiêng Đê', new Date('2026-11-25T08:00:00Z'))).toBe('so-theo-doi-kon-chieng-de-2026-11-25.csv');
	});

	it('reads a file made before a criterion was added: its answers are "chưa trả lời", and it says so', () => {
		const old = HEADER.filter((h) => h !== 'XH-9');
		const back = readTallyFile('cu.csv', file([row('A', '1').slice(0, -1)], old), criteria);
		expect(back.missingCriteria).toEqual(['xh-9']);
		expect('xh-9' in back.households[0]!.answers).toBe(false);
		expect(back.notices[0]).toMatch(/không có cột XH-9.*chưa trả lời.*chưa đạt/);
	});

	it('fills a row from its short code, and refuses a cell that disagrees with it', () => {
		const answers = answersFrom(9);
		const code = encodeShortCode(criteria, answers);
		const header = [...HEADER.slice(0, 3), 'Mã ngắn', ...ids];
		const back = readTallyFile('ma.csv', file([['Kon Chiêng', 'A', '1', code, ...ids.map(() => '')]], header), criteria);
		expect(back.households[0]!.answers).toEqual(answers);
		const wrongCell = answers['cq-1'] === 'dat' ? 'chưa đạt' : 'đạt';
		const [p] = refusal(file([['Kon Chiêng', 'A', '1', code, wrongCell, ...ids.slice(1).map(() => '')]], header));
		expect(p).toMatchObject({ row: 2, column: 'CQ-1', letter: 'E' });
	});

	it('keeps a village tally to one village', () => {
		const f = readTallyFile('a.csv', file([row('A', '1'), row('B', '2', 'đạt', 'Làng khác')]), criteria);
		expect(() => singleVillage(f)).toThrow(/dòng 3, cột Làng: làng “Làng khác” khác làng “Kon Chiêng”/);
	});
});

describe('a bad file is refused with its file, row and column', () => {
	it('an empty file', () => {
		expect(refusal(new Uint8Array())).toEqual([{ file: 'lang-a.csv', row: 1, message: expect.stringMatching(/trống/) }]);
		expect(refusal(bytes(`${BOM}\r\n,,\r\n`))[0]!.message).toMatch(/trống/);
		expect(refusal(file([]))).toEqual([{ file: 'lang-a.csv', row: 2, message: expect.stringMatching(/không có hộ nào/) }]);
	});

	it('a missing column', () => {
		const header = HEADER.filter((h) => h !== 'Số nhà');
		const problems = refusal(file([row('A', '1').filter((_, i) => i !== 2)], header));
		expect(problems).toEqual([{ file: 'lang-a.csv', row: 1, column: 'Số nhà', message: 'thiếu cột “Số nhà” ở dòng đầu.' }]);
		expect(formatImportProblem(problems[0]!)).toBe('Tệp lang-a.csv, dòng 1, cột Số nhà: thiếu cột “Số nhà” ở dòng đầu.');
	});

	it('an unknown column, and an unknown criterion', () => {
		const problems = refusal(file([[...row('A', '1'), 'x', 'đạt']], [...HEADER, 'Ghi chú', 'CQ-9']));
		expect(problems).toMatchObject([
			{ row: 1, column: 'Ghi chú', letter: 'Y', message: expect.stringMatching(/không thuộc sổ/) },
			{ row: 1, column: 'CQ-9', letter: 'Z', message: expect.stringMatching(/không có tiêu chí “CQ-9”/) },
		]);
		expect(formatImportProblem(problems[1]!)).toMatch(/^Tệp lang-a\.csv, dòng 1, cột CQ-9 \(cột Z\): /);
	});

	it('the wrong encoding, with the first damaged cell', () => {
		// "Làng" and "Nhà" as Windows-1258/1252 writes them: à is the single byte 0xE0.
		const latin = (s: string) => Uint8Array.from([...s].map((ch) => (ch === 'à' ? 0xe0 : ch.charCodeAt(0))));
		const text = `Lang,Ho gia dinh,So nha,${ids.join(',')}\r\nKon,Nhà A,1,${ids.map(() => 'dat').join(',')}\r\n`;
		const [p] = refusal(latin(text));
		expect(p).toMatchObject({ row: 2, column: 'Ho gia dinh', letter: 'B' });
		expect(p!.message).toMatch(/UTF-8.*CSV UTF-8/);
	});

	it('a duplicate household', () => {
		const [p] = refusal(file([row('Đinh Văn A', '12'), row('B', '3'), row('dinh van a', '12')]));
		expect(p).toMatchObject({ row: 4, column: 'Hộ gia đình', letter: 'B', message: expect.stringMatching(/đã có ở dòng 2/) });
	});

	it('a value other than đạt, chưa đạt or không áp dụng, and "không áp dụng" where it cannot be', () => {
		const bad = row('A', '1');
		bad[3] = 'có';
		bad[4] = 'không áp dụng';
		expect(refusal(file([bad]))).toMatchObject([
			{ row: 2, column: 'CQ-1', letter: 'D', message: '“có” không phải “đạt”, “chưa đạt” hay “không áp dụng”.' },
			{ row: 2, column: 'CQ-2', letter: 'E', message: expect.stringMatching(/áp dụng cho mọi hộ/) },
		]);
	});

	it('an invalid short code', () => {
		const header = [...HEADER.slice(0, 3), 'Mã ngắn', ...ids];
		const [p] = refusal(file([['Kon Chiêng', 'A', '1', 'OOO', ...ids.map(() => '')]], header));
		expect(p).toMatchObject({ row: 2, column: 'Mã ngắn', letter: 'D', message: expect.stringMatching(/mã ngắn “OOO” không dùng được/) });
	});

	it('a row without a name or village', () => {
		expect(refusal(file([row('', ''), row('B', '2', 'đạt', '')]))).toMatchObject([
			{ row: 2, column: 'Số nhà', message: 'chưa ghi số nhà hay tên hộ.' },
			{ row: 3, column: 'Làng', message: 'chưa ghi tên làng.' },
		]);
	});

	it('a quote that is never closed', () => {
		const text = serializeCsv([HEADER, row('A', '1')]) + 'Kon Chiêng,"B,2\r\n';
		expect(refusal(bytes(text))).toMatchObject([{ row: 3, message: expect.stringMatching(/ngoặc kép/) }]);
	});

	it('a file of 10,000 rows, at the first row past the limit', () => {
		const big = file(Array.from({ length: 10_000 }, (_, i) => row(`Hộ ${i}`, String(i))));
		const [p] = refusal(big);
		expect(p).toMatchObject({ row: MAX_HOUSEHOLDS + 2, message: expect.stringMatching(/hơn 2.000 hộ/) });
	});

	it('but takes a full village of 2,000 households', () => {
		const full = file(Array.from({ length: MAX_HOUSEHOLDS }, (_, i) => row(`Hộ ${i}`, String(i))));
		expect(readTallyFile('lon.csv', full, criteria).households).toHaveLength(MAX_HOUSEHOLDS);
	});

	it('a file too large to be a tally, before it is read', () => {
		const [p] = refusal(new Uint8Array(3 * 1024 * 1024));
		expect(p!.message).toMatch(/quá 2,0 MB/);
	});

	it('lists many problems at once, but not hundreds', () => {
		const rows = Array.from({ length: 50 }, (_, i) => row(`Hộ ${i}`, String(i), 'có'));
		try {
			readTallyFile('x.csv', file(rows), criteria);
			throw new Error('accepted');
		} catch (error) {
			expect((error as TallyImportError).problems).toHaveLength(20);
			expect((error as Error).message).toMatch(/và 1030 lỗi khác/);
		}
	});
});

describe('the file carries its village, export time and format version', async () => {
	const csvMod = await import('./tally-csv');
	const { loadSiteData: load } = await import('../data/load');
	const { criteria: list } = load(process.cwd(), { env: {} });
	const enc = (t: string) => new TextEncoder().encode(t);

	it('writes and reads back the export time and version; a household may have only a house number', () => {
		const when = new Date('2026-11-30T07:05:00+07:00');
		const text = csvMod.tallyToCsv(list, 'Kon Chiêng', [{ id: '1', name: '', houseNumber: '12', answers: { 'cq-1': 'dat' } }], when);
		const read = csvMod.readTallyFile('a.csv', enc(text), list);
		expect(read.version).toBe(csvMod.FORMAT_VERSION);
		expect(read.exportedAt?.getTime()).toBe(when.getTime());
		expect(read.households[0]).toMatchObject({ village: 'Kon Chiêng', name: '', houseNumber: '12' });
	});

	it('refuses a file from a newer format version plainly', () => {
		const text = csvMod.tallyToCsv(list, 'A', [{ id: '1', name: 'B', houseNumber: '1', answers: {} }]).replace(/,2\r\n/g, ',3\r\n');
		expect(() => csvMod.readTallyFile('moi.csv', enc(text), list)).toThrow(/bản mới hơn của trang \(phiên bản 3\)/);
	});

	it('names the file with the phone’s own date, not UTC', () => {
		expect(csvMod.exportFileName('Kon Chiêng', new Date(2026, 10, 30, 5, 30))).toBe('so-theo-doi-kon-chieng-2026-11-30.csv');
	});
});

describe('a huge file is refused by its size before anything is read', async () => {
	const { refuseIfTooBig, MAX_BYTES: max } = await import('./tally-csv');
	it('names the file and its size', () => {
		expect(() => refuseIfTooBig('40gb.csv', 40 * 1024 ** 3)).toThrow(/Tệp 40gb.csv: tệp nặng 40960,0 MB/);
		expect(() => refuseIfTooBig('ok.csv', max)).not.toThrow();
	});
});
