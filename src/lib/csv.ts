/**
 * A small RFC 4180 reader and writer for the tally's files, as Excel and LibreOffice write them:
 * quoted cells with commas, doubled quotes and line breaks inside, CRLF or LF, a UTF-8 byte order
 * mark, and a semicolon instead of the comma where the computer's region uses the comma for decimals.
 */

export const BOM = '\uFEFF';

export class CsvError extends Error {
	name = 'CsvError';
	/** The record (1 = the header, as Excel numbers its rows) where reading stopped. */
	constructor(
		message: string,
		readonly row: number
	) {
		super(message);
	}
}

/** Thrown by parseCsv when a file holds more records than the caller accepts. */
export class TooManyRowsError extends CsvError {
	name = 'TooManyRowsError';
}

export interface ParseOptions {
	/** Stop as soon as a file has more records than this (the header counts), without reading the rest. */
	maxRecords?: number;
	delimiter?: ',' | ';';
}

/** Which separator a file uses, from its first line: Excel in a Vietnamese region writes ";". */
export function sniffDelimiter(text: string): ',' | ';' {
	let commas = 0;
	let semicolons = 0;
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (ch === '"') quoted = !quoted;
		else if (!quoted && (ch === '\n' || ch === '\r')) break;
		else if (!quoted && ch === ',') commas++;
		else if (!quoted && ch === ';') semicolons++;
	}
	return semicolons > commas ? ';' : ',';
}

/**
 * Reads CSV text into records of cells. A leading byte order mark is skipped; a line break
 * at the very end does not make an empty record. Lenient where Excel is: a stray quote inside
 * an unquoted cell is kept as a character.
 */
export function parseCsv(text: string, { maxRecords = Infinity, delimiter = sniffDelimiter(text.replace(/^\uFEFF/, '')) }: ParseOptions = {}): string[][] {
	const records: string[][] = [];
	let record: string[] = [];
	let cell = '';
	let i = text.startsWith(BOM) ? 1 : 0;
	const n = text.length;
	// A record is pending once any character of it has been read.
	let pending = false;

	const endRecord = () => {
		record.push(cell);
		records.push(record);
		if (records.length > maxRecords)
			throw new TooManyRowsError(`Tệp có hơn ${maxRecords} dòng.`, records.length);
		record = [];
		cell = '';
		pending = false;
	};

	while (i < n) {
		const ch = text[i]!;
		if (ch === '"' && cell === '' && !quotedStarted(text, i, delimiter)) {
			// A quoted cell: read up to the closing quote, "" standing for one quote.
			const startRow = records.length + 1;
			i++;
			let closed = false;
			while (i < n) {
				const q = text.indexOf('"', i);
				if (q === -1) break;
				cell += text.slice(i, q);
				if (text[q + 1] === '"') {
					cell += '"';
					i = q + 2;
				} else {
					i = q + 1;
					closed = true;
					break;
				}
			}
			if (!closed) throw new CsvError('Có dấu ngoặc kép (") mở mà không đóng.', startRow);
			pending = true;
			continue;
		}
		if (ch === delimiter) {
			record.push(cell);
			cell = '';
			pending = true;
			i++;
		} else if (ch === '\r' || ch === '\n') {
			endRecord();
			i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
		} else {
			// Plain characters up to the next special one, in one slice.
			let j = i + 1;
			while (j < n) {
				const c = text[j];
				if (c === delimiter || c === '\r' || c === '\n') break;
				j++;
			}
			cell += text.slice(i, j);
			pending = true;
			i = j;
		}
	}
	if (pending || cell !== '' || record.length) endRecord();
	return records;
}

/** Whether the quote at i sits after other characters of an unquoted cell (so it is a plain character). */
function quotedStarted(text: string, i: number, delimiter: string): boolean {
	if (i === 0) return false;
	const before = text[i - 1];
	return !(before === delimiter || before === '\n' || before === '\r' || before === BOM);
}

// Excel runs a cell that starts with one of these as a formula; the apostrophe makes it text.
// A plain negative number is harmless and left alone.
const FORMULA_START = /^(?:[=+@\t\r]|-(?!\d*$))/;
// Excel set to the other separator (";" in the Vietnamese region, "," elsewhere) splits a cell at
// it and would run what follows as a new cell (OWASP, CSV injection): a trigger right after a
// separator inside the cell gets its apostrophe too.
const INNER_FORMULA = /([,;]\s*)(?=[=+@\t\r]|-(?!\d*(?:[,;]|$)))/g;
const INNER_ESCAPED = /([,;]\s*)'(?=[=+@\t\r-])/g;

/** One cell as Excel will read it back: quoted when needed, and never run as a formula, whichever separator Excel uses. */
export function formatCell(value: string, delimiter = ','): string {
	let safe = value.replace(INNER_FORMULA, "$1'");
	if (FORMULA_START.test(safe)) safe = `'${safe}`;
	return /["\r\n,;]/.test(safe) || safe.includes(delimiter) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Undoes formatCell's apostrophes, so a name like "-Hộ mới" or "x;=y" comes back as it was written. */
export function unformatCell(value: string): string {
	const inner = value.replace(INNER_ESCAPED, '$1');
	return inner.startsWith("'") && FORMULA_START.test(inner.slice(1)) ? inner.slice(1) : inner;
}

/** Writes records as CSV with CRLF line ends (as RFC 4180 and Excel expect), starting with a BOM so Excel reads UTF-8. */
export function serializeCsv(records: string[][]): string {
	return BOM + records.map((r) => r.map((c) => formatCell(c)).join(',')).join('\r\n') + '\r\n';
}

export interface Decoded {
	text: string;
	/** False when the bytes were not UTF-8; the text then has U+FFFD where they were. */
	utf8: boolean;
}

/**
 * Reads a file's bytes as UTF-8. A file saved as "CSV" (not "CSV UTF-8") by Excel on Windows is
 * in Windows-1258 or 1252 and fails here; the replacement character's place tells which cell.
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), utf8: true };
	} catch {
		return { text: new TextDecoder('utf-8').decode(bytes), utf8: false };
	}
}

/** Excel's name for the column at a 0-based index: A … Z, AA … */
export function columnLetter(index: number): string {
	let name = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
	return name;
}
