/**
 * The commune's summary from the villages' tally files: one row per village, a commune total,
 * and the households that seem to appear twice. It knows only what the files hold.
 */
import type { CriterionRef } from './answers';
import { serializeCsv } from './csv';
import { criterionColumn, villageKey, type ImportedFile } from './tally-csv';
import { formatPercent, householdKey, summarize, type GroupRef, type TallySummary } from './tally';

export interface VillageRow {
	village: string;
	files: string[];
	summary: TallySummary;
}

export interface DuplicatePlace {
	file: string;
	row: number;
	village: string;
}

/** One household (same name and house number) found in more than one file. */
export interface Duplicate {
	name: string;
	houseNumber: string;
	places: DuplicatePlace[];
}

export interface CommuneSummary {
	villages: VillageRow[];
	total: TallySummary;
	duplicates: Duplicate[];
}

/**
 * Merges the files: rows of the same village from several files make one village row. Within a
 * file a repeated village + name + house number was already refused when it was read; across
 * files the same name + house number is flagged even under another village's name, since two
 * teams may have recorded one family. Flagged households still count until the files are fixed.
 */
export function mergeVillageFiles(criteria: CriterionRef[], groups: GroupRef[], files: ImportedFile[]): CommuneSummary {
	const villages = new Map<string, { village: string; files: Set<string>; households: ImportedFile['households'] }>();
	const places = new Map<string, { name: string; houseNumber: string; places: DuplicatePlace[] }>();
	for (const f of files)
		for (const h of f.households) {
			const v = villageKey(h.village);
			const entry = villages.get(v) ?? { village: h.village, files: new Set(), households: [] };
			entry.files.add(f.file);
			entry.households.push(h);
			villages.set(v, entry);
			const k = householdKey(h.name, h.houseNumber);
			const seen = places.get(k) ?? { name: h.name, houseNumber: h.houseNumber, places: [] };
			seen.places.push({ file: f.file, row: h.row, village: h.village });
			places.set(k, seen);
		}
	const rows = [...villages.values()]
		.sort((a, b) => a.village.localeCompare(b.village, 'vi'))
		.map((v) => ({ village: v.village, files: [...v.files], summary: summarize(criteria, groups, v.households) }));
	return {
		villages: rows,
		total: summarize(
			criteria,
			groups,
			files.flatMap((f) => f.households)
		),
		duplicates: [...places.values()].filter((d) => new Set(d.places.map((p) => p.file)).size > 1),
	};
}

export const TOTAL_LABEL = 'Toàn xã';

/** The summary table as CSV for the commune's report: counts and shares, one row per village and the total. */
export function communeSummaryCsv(criteria: CriterionRef[], groups: GroupRef[], summary: CommuneSummary): string {
	const header = [
		'Làng',
		'Số hộ',
		'Hộ Gia đình số',
		'Tỉ lệ Gia đình số',
		...groups.map((g) => `${g.name} (đạt cả nhóm)`),
		...criteria.map((c) => criterionColumn(c.id)),
		'Tệp',
	];
	const row = (label: string, s: TallySummary, files: string[]) => [
		label,
		String(s.households),
		String(s.overall.met),
		formatPercent(s.overall),
		...s.groups.map(formatPercent),
		...s.criteria.map(formatPercent),
		files.join('; '),
	];
	return serializeCsv([
		header,
		...summary.villages.map((v) => row(v.village, v.summary, v.files)),
		row(TOTAL_LABEL, summary.total, [...new Set(summary.villages.flatMap((v) => v.files))]),
	]);
}
