/** Dates as Vietnamese readers write them: 25/11/2026. */
export function formatDate(date: Date): string {
	const d = String(date.getUTCDate()).padStart(2, '0');
	const m = String(date.getUTCMonth() + 1).padStart(2, '0');
	return `${d}/${m}/${date.getUTCFullYear()}`;
}

/**
 * The day a source was published, as precise as the source itself: some pages show only a
 * month or a year. Written in frontmatter as a YAML date (2025-10-05) or a quoted string
 * ('2025-10-05', '2023-07', '2023').
 */
export interface PartialDate {
	year: number;
	month?: number;
	day?: number;
}

/** Reads a YAML date or a 'YYYY', 'YYYY-MM', 'YYYY-MM-DD' string; undefined when it is not a real date. */
export function parsePartialDate(value: unknown): PartialDate | undefined {
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) return undefined;
		return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
	}
	if (typeof value !== 'string') return undefined;
	const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
	if (!match) return undefined;
	const year = Number(match[1]);
	const month = match[2] === undefined ? undefined : Number(match[2]);
	const day = match[3] === undefined ? undefined : Number(match[3]);
	if (month !== undefined && (month < 1 || month > 12)) return undefined;
	if (day !== undefined) {
		// 2023-02-30 is not a day: the calendar must give back the same day.
		const date = new Date(Date.UTC(year, month! - 1, day));
		if (date.getUTCMonth() !== month! - 1 || date.getUTCDate() !== day) return undefined;
	}
	return { year, ...(month !== undefined && { month }), ...(day !== undefined && { day }) };
}

/** The first calendar day a partial date can mean, "2023-07-01" for '2023-07', to compare with today. */
export function firstDay({ year, month = 1, day = 1 }: PartialDate): string {
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "đăng ngày 5/10/2025", "đăng tháng 7/2023" or "đăng năm 2023", as precise as the source. */
export function formatPublished({ year, month, day }: PartialDate): string {
	if (month !== undefined && day !== undefined) return `đăng ngày ${day}/${month}/${year}`;
	if (month !== undefined) return `đăng tháng ${month}/${year}`;
	return `đăng năm ${year}`;
}
