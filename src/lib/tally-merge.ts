/**
 * The commune's summary from the villages' tally files. Each village is counted once: of several
 * files of one village (sent last week and this week, or the same file chosen twice), the newest
 * export is kept and the others are set aside, and said so. A household found in two villages'
 * files is counted once, in the first village, and flagged. It knows only what the files hold.
 */
import type { CriterionRef } from './answers';
import { serializeCsv } from './csv';
import { formatLocalDate, formatLocalTime } from './date';
import { criterionColumn, villageKey, type ImportedFile, type ImportedHousehold } from './tally-csv';
import { formatPercent, householdKey, meetsGoal, percentCell, summarize, weakestCriteria, type GroupRef, type Share, type TallySummary } from './tally';

/** A village of the commune's list (content/data/commune.yaml); `households` is its number of households when the commune knows it. */
export interface VillageRef {
	name: string;
	households?: number;
}

/** A file as the page read it, with the date the computer gives it (for files made before they carried their export time). */
export interface ChosenFile extends ImportedFile {
	lastModified?: number;
}

export interface VillageRow {
	village: string;
	/** The file this village's figures come from. */
	file: string;
	/** When that file was exported (or, for an older file, last changed), in ms; undefined when unknown. */
	time?: number;
	/** The total number of households in the village, when the commune data has it. */
	total?: number;
	/** Not on the commune's list of villages (or the list is empty). */
	unlisted: boolean;
	/** Households of this file counted in another village instead, because they are there too. */
	countedElsewhere: number;
	summary: TallySummary;
}

export interface SetAside {
	file: string;
	village: string;
	/** Why it is not counted, in a sentence. */
	reason: string;
}

/** One household (same name and same house number) found in more than one village's file. */
export interface Duplicate {
	name: string;
	houseNumber: string;
	/** Where it is counted. */
	countedIn: string;
	places: { file: string; row: number; village: string }[];
}

export interface CommuneSummary {
	villages: VillageRow[];
	total: TallySummary;
	duplicates: Duplicate[];
	setAside: SetAside[];
	/** Villages in the commune's list (11 for Kon Chiêng; 0 when the list is not filled in). */
	listed: number;
	/** Listed villages whose file is in the table. */
	reported: number;
	/** Listed villages with no file yet. */
	missing: string[];
	/** Households in the commune by its data, when every listed village has a number. */
	totalHouseholds?: number;
}

/** "Làng Kon Chiêng", "lang kon chieng " and "Kon Chiêng" are one village. */
export function villageMatchKey(name: string): string {
	return villageKey(name).replace(/^(lang|thon|buon|plei|ploi)\s+/, '');
}

/** The commune list's spelling of a village when the list has it, else the name as written. */
export function canonicalVillage(name: string, list: VillageRef[]): { name: string; listed: boolean } {
	const key = villageMatchKey(name);
	const found = list.find((v) => v.name.trim() && villageMatchKey(v.name) === key);
	return found ? { name: found.name.trim(), listed: true } : { name, listed: false };
}

interface Part {
	file: string;
	order: number;
	village: string;
	listed: boolean;
	time?: number;
	exported: boolean;
	households: ImportedHousehold[];
	/** The rows as text, to tell the same file chosen twice. */
	fingerprint: string;
}

const when = (ms: number) => formatLocalTime(new Date(ms));

export function mergeVillageFiles(criteria: CriterionRef[], groups: GroupRef[], files: ChosenFile[], list: VillageRef[] = []): CommuneSummary {
	const named = list.filter((v) => v.name.trim());
	// Each file split by village (a tally file holds one; a file made by hand may hold several).
	const parts: Part[] = [];
	files.forEach((f, order) => {
		const byVillage = new Map<string, Part>();
		for (const h of f.households) {
			const canon = canonicalVillage(h.village, named);
			const k = villageMatchKey(canon.name);
			let part = byVillage.get(k);
			if (!part) {
				const time = f.exportedAt?.getTime() ?? f.lastModified;
				part = { file: f.file, order, village: canon.name, listed: canon.listed, time, exported: !!f.exportedAt, households: [], fingerprint: '' };
				byVillage.set(k, part);
			}
			part.households.push(h);
		}
		for (const part of byVillage.values()) {
			part.fingerprint = part.households.map((h) => `${householdKey(h.name, h.houseNumber)}:${JSON.stringify(h.answers)}`).join('\n');
			parts.push(part);
		}
	});

	// The newest part of each village wins; a later choice wins a tie.
	const newest = new Map<string, Part>();
	for (const p of parts) {
		const k = villageMatchKey(p.village);
		const current = newest.get(k);
		if (!current || (p.time ?? 0) > (current.time ?? 0) || ((p.time ?? 0) === (current.time ?? 0) && p.order > current.order)) newest.set(k, p);
	}
	const setAside: SetAside[] = [];
	for (const p of parts) {
		const kept = newest.get(villageMatchKey(p.village))!;
		if (kept === p) continue;
		const reason =
			p.fingerprint === kept.fingerprint
				? `giống hệt số liệu làng ${kept.village} trong tệp ${kept.file}, nên không cộng lần nữa.`
				: p.time !== undefined && kept.time !== undefined && p.time < kept.time
					? `cũ hơn tệp ${kept.file} của cùng làng ${kept.village} (${p.exported ? 'xuất lúc' : 'sửa lúc'} ${when(p.time)}, tệp được giữ ${kept.exported ? 'xuất lúc' : 'sửa lúc'} ${when(kept.time)}). Chỉ tính tệp mới nhất của mỗi làng.`
					: `cùng làng ${kept.village} với tệp ${kept.file}, được chọn sau. Chỉ tính một tệp của mỗi làng.`;
		setAside.push({ file: p.file, village: p.village, reason });
	}

	const keptParts = [...newest.values()].sort((a, b) => a.village.localeCompare(b.village, 'vi'));
	// Households in two villages' files: counted in the first village only.
	const firstSeen = new Map<string, { village: string; file: string; row: number }>();
	const duplicates = new Map<string, Duplicate>();
	const perVillage = keptParts.map((p) => {
		const counted: ImportedHousehold[] = [];
		let countedElsewhere = 0;
		for (const h of p.households) {
			// Without a house number two families of the same name are common: not matched.
			if (!h.houseNumber.trim() || !h.name.trim()) {
				counted.push(h);
				continue;
			}
			const k = householdKey(h.name, h.houseNumber);
			const first = firstSeen.get(k);
			if (!first) {
				firstSeen.set(k, { village: p.village, file: p.file, row: h.row });
				counted.push(h);
				continue;
			}
			countedElsewhere++;
			const dup = duplicates.get(k) ?? {
				name: h.name,
				houseNumber: h.houseNumber,
				countedIn: first.village,
				places: [{ file: first.file, row: first.row, village: first.village }],
			};
			dup.places.push({ file: p.file, row: h.row, village: p.village });
			duplicates.set(k, dup);
		}
		const ref = named.find((v) => villageMatchKey(v.name) === villageMatchKey(p.village));
		return {
			village: p.village,
			file: p.file,
			time: p.time,
			total: ref?.households,
			unlisted: named.length > 0 && !p.listed,
			countedElsewhere,
			summary: summarize(criteria, groups, counted),
			counted,
		};
	});
	const rows: VillageRow[] = perVillage.map(({ counted: _c, ...row }) => row);
	const total = summarize(
		criteria,
		groups,
		perVillage.flatMap((r) => r.counted)
	);
	// Until the commune fills in its list, every village in the table counts against the number of villages.
	const reportedKeys = new Set(keptParts.filter((p) => p.listed || !named.length).map((p) => villageMatchKey(p.village)));
	const missing = named.filter((v) => !reportedKeys.has(villageMatchKey(v.name))).map((v) => v.name.trim());
	const totalHouseholds = named.length && named.every((v) => v.households) ? named.reduce((n, v) => n + v.households!, 0) : undefined;
	return {
		villages: rows,
		total,
		duplicates: [...duplicates.values()],
		setAside,
		listed: list.length,
		reported: reportedKeys.size,
		missing,
		totalHouseholds,
	};
}

export const TOTAL_LABEL = 'Toàn xã';

/** "3/11 làng đã nộp", or the count alone when the commune has no list. */
export function reportedText(summary: CommuneSummary): string {
	return summary.listed ? `${summary.reported}/${summary.listed} làng đã nộp` : `${summary.villages.length} làng đã nộp`;
}

/** The method, stated under the table, on screen, on paper and in the CSV. */
export function methodText(goal: number): string {
	return (
		`Cách tính: tỉ lệ của một tiêu chí = số hộ đạt ÷ số hộ mà tiêu chí áp dụng; một nhóm: hộ đạt mọi tiêu chí áp dụng trong nhóm; ` +
		`“Gia đình số”: hộ đạt mọi tiêu chí áp dụng, tính trên số hộ đã ghi. Ô chưa ghi tính là chưa đạt. ` +
		`Tỉ lệ làm tròn một chữ số thập phân, từ 5 trở lên làm tròn lên (như Excel). Đạt mục tiêu ${goal}% xét trên tỉ lệ chưa làm tròn. ` +
		`Mỗi làng chỉ tính tệp xuất mới nhất; hộ có cùng tên và số nhà trong tệp của hai làng chỉ tính một lần.`
	);
}

export interface ReportHeader {
	office: string;
	title: string;
	date: Date;
	goal: number;
	criterionTitles: Record<string, string>;
}

const coverage = (recorded: number, total?: number): Share | undefined => (total ? { met: recorded, of: total } : undefined);

/**
 * The report as CSV for Excel: the official header, the date, the table per village with counts
 * and percentages (numbers with a decimal comma, no % sign), each criterion, the three weakest
 * criteria, the method, the files set aside and the signer's line.
 */
export function communeSummaryCsv(criteria: CriterionRef[], groups: GroupRef[], summary: CommuneSummary, header: ReportHeader): string {
	const pct = (s: Share | undefined) => (s ? percentCell(s) : '');
	// One row of the table per village, and the same for the whole commune.
	const row = (label: string, s: typeof summary.total, total: number | undefined, file: string) => [
		label,
		String(s.households),
		total ? String(total) : '',
		pct(coverage(s.households, total)),
		String(s.overall.met),
		pct(s.overall),
		meetsGoal(s.overall, header.goal) ? 'đạt' : 'chưa đạt',
		...s.groups.flatMap((g) => [String(g.met), pct(g)]),
		file,
	];
	const rows: string[][] = [
		[header.office.toUpperCase(), '', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
		['', '', '', 'Độc lập - Tự do - Hạnh phúc'],
		[],
		[header.title],
		[`Tính đến ngày ${formatLocalDate(header.date)}`, reportedText(summary)],
		[],
		[
			'Làng',
			'Số hộ đã ghi',
			'Tổng số hộ của làng',
			'Tỉ lệ hộ đã ghi (%)',
			'Hộ đạt “Gia đình số”',
			'Tỉ lệ “Gia đình số” (%)',
			`Đạt mục tiêu ${header.goal}%`,
			...groups.flatMap((g) => [`${g.name}: hộ đạt cả nhóm`, `${g.name} (%)`]),
			'Tệp',
		],
		...summary.villages.map((v) => row(v.village, v.summary, v.total, v.file)),
		row(TOTAL_LABEL, summary.total, summary.totalHouseholds, ''),
		[],
		['Tiêu chí', 'Tên tiêu chí', 'Số hộ đạt', 'Số hộ áp dụng', 'Tỉ lệ (%)'],
		...summary.total.criteria.map((c) => [criterionColumn(c.id), header.criterionTitles[c.id] ?? '', String(c.met), String(c.of), pct(c)]),
		[],
		[
			'3 tiêu chí thấp nhất',
			weakestCriteria(summary.total)
				.map((c) => `${criterionColumn(c.id)} ${header.criterionTitles[c.id] ?? ''} (${formatPercent(c)})`)
				.join('; '),
		],
		[methodText(header.goal)],
		...summary.setAside.map((s) => ['Tệp không tính', s.file, s.reason]),
		...summary.duplicates.map((d) => ['Hộ có trong tệp của hai làng', `${d.name} (số nhà ${d.houseNumber})`, `tính ở làng ${d.countedIn}`]),
		[],
		['NGƯỜI LẬP BIỂU', '', '', `TM. ${header.office.toUpperCase()}`],
		['(Ký, ghi rõ họ tên)', '', '', '(Ký tên, đóng dấu)'],
	];
	return serializeCsv(rows);
}
