/**
 * The tally as a CSV file that Excel opens with Vietnamese intact: one row per household, a
 * column per criterion headed by its number ("CQ-1"), cells "đạt", "chưa đạt" or "không áp dụng".
 * Reading a file back checks everything first and either returns every household or throws
 * with each problem's file, row and column, so nothing is ever half imported.
 */
import { columnLetter, CsvError, decodeUtf8, parseCsv, serializeCsv, TooManyRowsError, unformatCell } from './csv';
import { allowedStates, parseState, STATE_LABELS, type Answers, type CriterionRef } from './answers';
import { decodeShortCode, encodeShortCode, ShortCodeError } from './shortcode';
import { localIsoDate, localTimestamp } from './date';
import { foldKey } from './fold-key';
import { formatSize } from './size';
import { cleanText, householdKey, householdLabel, type Household } from './tally';

export const COLUMNS = {
	village: 'Làng',
	name: 'Hộ gia đình',
	houseNumber: 'Số nhà',
	code: 'Mã ngắn',
	exportedAt: 'Thời điểm xuất tệp',
	version: 'Phiên bản tệp',
} as const;
type Field = keyof typeof COLUMNS;
const REQUIRED: Field[] = ['village', 'name', 'houseNumber'];

/**
 * The file's format. 1: no version or export time (files made before 30/11/2026). 2: every row
 * carries the export time and this number, so the commune can keep a village's newest file.
 * A file with a higher number was made by a newer page and is refused, never read as an older one.
 */
export const FORMAT_VERSION = 2;

/** A village has a few hundred households; above this a file is refused before it can freeze a phone. */
export const MAX_HOUSEHOLDS = 2000;
/** 2,000 rows of 21 answers take about 0.6 MB; a bigger file is refused before it is read. */
export const MAX_BYTES = 2 * 1024 * 1024;
/** Enough problems to fix a file in one go, without a wall of text. */
const MAX_PROBLEMS = 20;

export const criterionColumn = (id: string) => id.toUpperCase();

/** The household's short code, only once every criterion is answered (a code cannot say "chưa trả lời"). */
export function codeOf(criteria: CriterionRef[], answers: Answers): string {
	return criteria.every((c) => c.id in answers) ? encodeShortCode(criteria, answers) : '';
}

export function tallyToCsv(criteria: CriterionRef[], village: string, households: Household[], exportedAt: Date = new Date()): string {
	const header = [
		COLUMNS.village,
		COLUMNS.name,
		COLUMNS.houseNumber,
		COLUMNS.code,
		...criteria.map((c) => criterionColumn(c.id)),
		COLUMNS.exportedAt,
		COLUMNS.version,
	];
	const when = localTimestamp(exportedAt);
	const rows = households.map((h) => [
		village,
		h.name,
		h.houseNumber,
		codeOf(criteria, h.answers),
		...criteria.map((c) => (h.answers[c.id] ? STATE_LABELS[h.answers[c.id]!] : '')),
		when,
		String(FORMAT_VERSION),
	]);
	return serializeCsv([header, ...rows]);
}

/** "so-theo-doi-lang-kon-chieng-2026-11-25.csv", with the phone's own date. */
export function exportFileName(village: string, date: Date): string {
	const slug = foldKey(village).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
	return `so-theo-doi${slug ? `-${slug}` : ''}-${localIsoDate(date)}.csv`;
}

export interface ImportProblem {
	file: string;
	/** The row as Excel numbers it: 1 is the header. */
	row?: number;
	/** The column's header (or, for a missing one, the header it should have). */
	column?: string;
	/** Excel's letter for the column, when the column is in the file. */
	letter?: string;
	message: string;
}

export function formatImportProblem(p: ImportProblem): string {
	const where = [`Tệp ${p.file}`];
	if (p.row) where.push(`dòng ${p.row}`);
	if (p.column) where.push(`cột ${p.column}${p.letter ? ` (cột ${p.letter})` : ''}`);
	else if (p.letter) where.push(`cột ${p.letter}`);
	return `${where.join(', ')}: ${p.message}`;
}

export class TallyImportError extends Error {
	name = 'TallyImportError';
	constructor(
		readonly problems: ImportProblem[],
		readonly more = 0
	) {
		super(problems.map(formatImportProblem).join('\n') + (more ? `\n… và ${more} lỗi khác.` : ''));
	}
}

export interface ImportedHousehold extends Omit<Household, 'id'> {
	village: string;
	row: number;
}

export interface ImportedFile {
	file: string;
	households: ImportedHousehold[];
	/** Criteria the file has no column for (added after it was made): their answers are "chưa trả lời". */
	missingCriteria: string[];
	/** Plain sentences on what was read in a way the user should know. */
	notices: string[];
	/** When the team leader exported it (format 2), else undefined. */
	exportedAt?: Date;
	version: number;
}

const key = foldKey;
const FIELD_BY_KEY = new Map(Object.entries(COLUMNS).map(([field, header]) => [key(header), field as Field]));

/**
 * Refuses a file by its size alone, so a caller can check File.size before reading or allocating
 * anything (a 40 GB file must not become a 40 GB array on a phone).
 */
export function refuseIfTooBig(file: string, size: number) {
	if (size > MAX_BYTES)
		throw new TallyImportError([
			{
				file,
				message: `tệp nặng ${formatSize(size)}, quá ${formatSize(MAX_BYTES)}. Sổ của một làng không lớn như vậy; hãy kiểm tra lại tệp hoặc chia theo làng.`,
			},
		]);
}

/**
 * Reads one tally file. Throws TallyImportError listing what is wrong, each with file, row and
 * column; returns only when every row is good.
 */
export function readTallyFile(file: string, bytes: Uint8Array, criteria: CriterionRef[]): ImportedFile {
	const refuse = (problem: Omit<ImportProblem, 'file'>): never => {
		throw new TallyImportError([{ file, ...problem }]);
	};
	refuseIfTooBig(file, bytes.length);

	const { text, utf8 } = decodeUtf8(bytes);
	let records: string[][];
	try {
		records = parseCsv(text, { maxRecords: MAX_HOUSEHOLDS + 1 });
	} catch (error) {
		if (error instanceof TooManyRowsError)
			refuse({
				row: error.row,
				message: `tệp có hơn ${MAX_HOUSEHOLDS.toLocaleString('vi-VN')} hộ. Trang chỉ nhận đến ${MAX_HOUSEHOLDS.toLocaleString('vi-VN')} hộ một tệp để máy không bị treo; hãy chia tệp theo làng.`,
			});
		if (error instanceof CsvError) refuse({ row: error.row, message: error.message });
		throw error;
	}
	const isBlank = (r: string[]) => r.every((c) => c.trim() === '');
	if (!records.some((r) => !isBlank(r))) refuse({ row: 1, message: 'tệp trống, không có dòng nào.' });

	if (!utf8) {
		const row = records.findIndex((r) => r.some((c) => c.includes('\uFFFD')));
		const col = row >= 0 ? records[row]!.findIndex((c) => c.includes('\uFFFD')) : -1;
		refuse({
			row: row >= 0 ? row + 1 : undefined,
			column: row > 0 && col >= 0 ? records[0]![col] : undefined,
			letter: col >= 0 ? columnLetter(col) : undefined,
			message:
				'tệp không lưu theo mã UTF-8 nên chữ có dấu bị hỏng. Mở tệp bằng Excel, chọn Tệp → Lưu thành (Save As), chọn kiểu “CSV UTF-8 (Comma delimited)”, rồi nạp lại.',
		});
	}

	// The header: which column holds what.
	const header = records[0]!.map((h) => unformatCell(h).trim());
	const problems: ImportProblem[] = [];
	let more = 0;
	const problem = (p: Omit<ImportProblem, 'file'>) => {
		if (problems.length < MAX_PROBLEMS) problems.push({ file, ...p });
		else more++;
	};
	const fields = new Map<Field, number>();
	const criterionAt = new Map<number, CriterionRef>();
	const byColumn = new Map(criteria.map((c) => [key(criterionColumn(c.id)), c]));
	const seenAt = new Map<string, number>();
	header.forEach((name, i) => {
		const letter = columnLetter(i);
		const k = key(name);
		if (!k) {
			if (records.some((r) => (r[i] ?? '').trim())) problem({ row: 1, letter, message: 'cột có số liệu nhưng không có tên ở dòng đầu.' });
			return;
		}
		const first = seenAt.get(k);
		if (first !== undefined) {
			problem({ row: 1, column: name, letter, message: `cột này có hai lần (cột ${columnLetter(first)} và cột ${letter}).` });
			return;
		}
		seenAt.set(k, i);
		const field = FIELD_BY_KEY.get(k);
		const criterion = byColumn.get(k);
		if (field) fields.set(field, i);
		else if (criterion) criterionAt.set(i, criterion);
		else if (/^[a-z]{2}\s*-?\s*\d{1,2}$/.test(k))
			problem({ row: 1, column: name, letter, message: `không có tiêu chí “${name}” trong danh sách ${criteria.length} tiêu chí của trang.` });
		else
			problem({
				row: 1,
				column: name,
				letter,
				message: `cột “${name}” không thuộc sổ theo dõi. Các cột là: ${REQUIRED.map((f) => COLUMNS[f]).join(', ')}, ${COLUMNS.code} (nếu có), mã các tiêu chí (CQ-1 …), ${COLUMNS.exportedAt} và ${COLUMNS.version}.`,
			});
	});
	for (const field of REQUIRED)
		if (!fields.has(field)) problem({ row: 1, column: COLUMNS[field], message: `thiếu cột “${COLUMNS[field]}” ở dòng đầu.` });
	if (problems.length) throw new TallyImportError(problems, more);

	const missingCriteria = criteria.filter((c) => ![...criterionAt.values()].includes(c)).map((c) => c.id);
	const versionAt = fields.get('version');
	const timeAt = fields.get('exportedAt');
	let version = 1;
	let exportedAt: Date | undefined;
	const households: ImportedHousehold[] = [];
	const firstRowOf = new Map<string, number>();
	let blanks = 0;
	const cellOf = (record: string[], field: Field) => cleanText(unformatCell(record[fields.get(field)!] ?? ''));
	const where = (index: number) => ({ column: header[index], letter: columnLetter(index) });

	for (let r = 1; r < records.length; r++) {
		const record = records[r]!;
		const row = r + 1;
		if (isBlank(record)) continue;
		for (let i = header.length; i < record.length; i++)
			if (record[i]!.trim()) problem({ row, letter: columnLetter(i), message: 'ô nằm ngoài bảng: dòng này có nhiều ô hơn dòng đầu.' });

		const village = cellOf(record, 'village');
		const name = cellOf(record, 'name');
		const houseNumber = cellOf(record, 'houseNumber');
		if (!village) problem({ row, ...where(fields.get('village')!), message: 'chưa ghi tên làng.' });
		if (!name && !houseNumber) problem({ row, ...where(fields.get('houseNumber')!), message: 'chưa ghi số nhà hay tên hộ.' });
		if (versionAt !== undefined) {
			const v = cellOf(record, 'version');
			if (v && !/^\d+$/.test(v)) problem({ row, ...where(versionAt), message: `“${v}” không phải số phiên bản.` });
			else if (v) version = Math.max(version, Number(v));
		}
		if (timeAt !== undefined) {
			const t = cellOf(record, 'exportedAt');
			const parsed = t ? Date.parse(t) : NaN;
			if (t && Number.isNaN(parsed)) problem({ row, ...where(timeAt), message: `“${t}” không phải ngày giờ.` });
			else if (t && (!exportedAt || parsed > exportedAt.getTime())) exportedAt = new Date(parsed);
		}

		let fromCode: Answers | undefined;
		const codeAt = fields.get('code');
		const code = codeAt === undefined ? '' : cellOf(record, 'code');
		if (code) {
			try {
				fromCode = decodeShortCode(criteria, code);
			} catch (error) {
				if (!(error instanceof ShortCodeError)) throw error;
				problem({ row, ...where(codeAt!), message: `mã ngắn “${code}” không dùng được: ${error.message}` });
			}
		}

		const answers: Answers = {};
		for (const [i, criterion] of criterionAt) {
			const cell = cleanText(record[i] ?? '');
			if (!cell) {
				if (fromCode) answers[criterion.id] = fromCode[criterion.id]!;
				else blanks++;
				continue;
			}
			const state = parseState(cell);
			if (!state) {
				problem({ row, ...where(i), message: `“${cell}” không phải “đạt”, “chưa đạt” hay “không áp dụng”.` });
				continue;
			}
			if (!allowedStates(criterion).includes(state)) {
				problem({ row, ...where(i), message: `tiêu chí ${criterionColumn(criterion.id)} áp dụng cho mọi hộ, không ghi “${STATE_LABELS[state]}” được.` });
				continue;
			}
			if (fromCode && fromCode[criterion.id] !== state) {
				problem({
					row,
					...where(i),
					message: `ô ghi “${STATE_LABELS[state]}” nhưng mã ngắn ${code} ghi “${STATE_LABELS[fromCode[criterion.id]!]}”. Sửa ô hoặc xóa mã ngắn.`,
				});
				continue;
			}
			answers[criterion.id] = state;
		}
		// Criteria the file has no column for still take the code's answers.
		if (fromCode) for (const id of missingCriteria) answers[id] = fromCode[id]!;

		if (version > FORMAT_VERSION)
			refuse({
				row,
				...where(versionAt!),
				message: `tệp được làm bằng bản mới hơn của trang (phiên bản ${version}); trang này chỉ đọc đến phiên bản ${FORMAT_VERSION}. Hãy mở lại trang khi có mạng để có bản mới, rồi nạp lại tệp.`,
			});
		if (village && (name || houseNumber)) {
			const k = `${key(village)}|${householdKey(name, houseNumber)}`;
			const first = firstRowOf.get(k);
			if (first !== undefined)
				problem({ row, ...where(fields.get('name')!), message: `hộ ${householdLabel({ name, houseNumber })} của làng “${village}” đã có ở dòng ${first}.` });
			else firstRowOf.set(k, row);
		}
		households.push({ village, name, houseNumber, answers, row });
	}
	if (problems.length) throw new TallyImportError(problems, more);
	if (!households.length) refuse({ row: 2, message: 'tệp chỉ có dòng tiêu đề, không có hộ nào.' });

	const notices: string[] = [];
	if (households.some((h) => missingCriteria.some((id) => !(id in h.answers))))
		notices.push(
			`Tệp ${file} không có cột ${missingCriteria.map(criterionColumn).join(', ')} (có lẽ tệp được làm trước khi có ${missingCriteria.length > 1 ? 'các tiêu chí này' : 'tiêu chí này'}). Các hộ trong tệp được ghi “chưa trả lời” ở đó và được tính là chưa đạt.`
		);
	if (blanks) notices.push(`Tệp ${file} có ${blanks} ô tiêu chí để trống: được ghi “chưa trả lời” và tính là chưa đạt.`);
	return { file, households, missingCriteria, notices, exportedAt, version };
}

/** A village's tally holds one village: the first row's, and every other row must say the same. */
export function singleVillage(imported: ImportedFile): string {
	const first = imported.households[0]!;
	const other = imported.households.find((h) => key(h.village) !== key(first.village));
	if (other)
		throw new TallyImportError([
			{
				file: imported.file,
				row: other.row,
				column: COLUMNS.village,
				message: `làng “${other.village}” khác làng “${first.village}” ở dòng ${first.row}. Sổ của Tổ chỉ giữ một làng; tệp nhiều làng thì nạp ở trang Tổng hợp của xã.`,
			},
		]);
	return first.village;
}

/** Villages are the same whatever the tone marks, case or spaces. */
export const villageKey = key;
