import { describe, expect, it } from 'vitest';
import { BOM, columnLetter, CsvError, decodeUtf8, formatCell, parseCsv, serializeCsv, TooManyRowsError, unformatCell } from './csv';

describe('reading CSV', () => {
	it('reads quoted cells with commas, doubled quotes and line breaks', () => {
		const text = 'Hộ,Ghi chú\r\n"Nhà ông A, thôn 2","Nói ""được""\r\ndòng hai"\r\nB,\r\n';
		expect(parseCsv(text)).toEqual([
			['Hộ', 'Ghi chú'],
			['Nhà ông A, thôn 2', 'Nói "được"\r\ndòng hai'],
			['B', ''],
		]);
	});

	it('skips a byte order mark and takes LF, CRLF or CR line ends alike', () => {
		const rows = [['a', 'b'], ['c', 'd'], ['e', 'f'], ['g', 'h']];
		expect(parseCsv(`${BOM}a,b\nc,d\r\ne,f\rg,h`)).toEqual(rows);
	});

	it('makes no empty record from a final line break, and keeps empty cells', () => {
		expect(parseCsv('a,,c\n')).toEqual([['a', '', 'c']]);
		expect(parseCsv(',\n')).toEqual([['', '']]);
		expect(parseCsv('')).toEqual([]);
	});

	it('reads a file saved with semicolons, as Excel does where the comma is the decimal mark', () => {
		expect(parseCsv('Làng;Hộ gia đình\n"A;B";"1,5"\n')).toEqual([
			['Làng', 'Hộ gia đình'],
			['A;B', '1,5'],
		]);
	});

	it('keeps a quote that sits inside an unquoted cell', () => {
		expect(parseCsv('Nhà 5" góc,x\n')).toEqual([['Nhà 5" góc', 'x']]);
	});

	it('names the row where a quote is opened and never closed', () => {
		const error = (() => {
			try {
				parseCsv('a,b\nc,"không đóng\nd,e\n');
			} catch (e) {
				return e;
			}
		})();
		expect(error).toBeInstanceOf(CsvError);
		expect((error as CsvError).row).toBe(2);
	});

	it('stops at the record limit without reading the rest', () => {
		const text = 'h\n' + 'x\n'.repeat(10_000);
		expect(() => parseCsv(text, { maxRecords: 2001 })).toThrow(TooManyRowsError);
		expect(parseCsv(text, { maxRecords: 10_001 })).toHaveLength(10_001);
	});
});

describe('writing CSV', () => {
	it('round-trips Vietnamese names, commas, quotes, line breaks and spaces', () => {
		const rows = [
			['Làng', 'Hộ gia đình', 'Số nhà'],
			['Kon Chiêng', 'Đinh Văn Hùng, con trai', '12/3'],
			['Kon Chiêng', 'Nhà “bà Ly” "Hờ"', ''],
			['Kon Chiêng', 'Dòng một\ndòng hai', ' 7 '],
			['Kon Chiêng', '=1+2', '-5'],
			['Kon Chiêng', '-Hộ mới', '+84'],
		];
		const text = serializeCsv(rows);
		expect(text.startsWith(BOM)).toBe(true);
		expect(text).toContain('\r\n');
		expect(parseCsv(text).map((r) => r.map(unformatCell))).toEqual(rows);
	});

	it('keeps Excel from running a cell as a formula', () => {
		expect(formatCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
		expect(formatCell('@SUM')).toBe(`'@SUM`);
		expect(formatCell('-2+3')).toBe(`'-2+3`);
		expect(formatCell('-5')).toBe('-5');
		expect(unformatCell(`'=1`)).toBe('=1');
		expect(unformatCell(`'bình thường`)).toBe(`'bình thường`);
	});
});

describe('decoding', () => {
	it('takes UTF-8 and tells a Windows-1258 file apart', () => {
		expect(decodeUtf8(new TextEncoder().encode('Làng'))).toEqual({ text: 'Làng', utf8: true });
		// "Làng" in Windows-1252/1258: à is one byte, 0xE0, which is not UTF-8.
		const result = decodeUtf8(new Uint8Array([0x4c, 0xe0, 0x6e, 0x67]));
		expect(result.utf8).toBe(false);
		expect(result.text).toContain('\uFFFD');
	});

	it('names columns as Excel does', () => {
		expect([0, 25, 26, 27, 51, 52].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA']);
	});
});

describe('formulas after a separator inside a cell (OWASP, Excel with ";" or ",")', () => {
	it('neutralises a trigger after ; or , and reads the cell back as written', () => {
		for (const value of ['x;=4+4;', 'a,+cmd|x', 'b; @SUM(1)', 'c;-2+3', '=1;=2']) {
			const cell = formatCell(value);
			expect(cell.startsWith('"')).toBe(true);
			// Split as Excel with the other separator would: no piece starts a formula.
			for (const piece of cell.replace(/^"|"$/g, '').split(/[;,]/)) expect(piece.trimStart()).not.toMatch(/^[=+@-]/);
			expect(unformatCell(parseCsv(cell)[0]![0]!)).toBe(value);
		}
		expect(formatCell('Đê Ar; -5')).toBe('"Đê Ar; -5"');
	});
});
