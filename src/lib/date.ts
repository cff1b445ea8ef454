/** Dates as Vietnamese readers write them: 25/11/2026. */
export function formatDate(date: Date): string {
	const d = String(date.getUTCDate()).padStart(2, '0');
	const m = String(date.getUTCMonth() + 1).padStart(2, '0');
	return `${d}/${m}/${date.getUTCFullYear()}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * 25/11/2026 in the phone's own time zone, for what happens on the phone (an export, a backup,
 * a printed tally). formatDate is for the build's dates (YAML dates are UTC midnight).
 */
export function formatLocalDate(date: Date): string {
	return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

/** "07:05 25/11/2026", the phone's own time and date. */
export function formatLocalTime(date: Date): string {
	return `${pad(date.getHours())}:${pad(date.getMinutes())} ${formatLocalDate(date)}`;
}

/** "2026-11-30" for file names, the phone's own date (not UTC: at 06:00 in Vietnam UTC is still yesterday). */
export function localIsoDate(date: Date): string {
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "2026-11-30T07:05:09+07:00": local time with its offset, which Excel shows as written and every browser parses back. */
export function localTimestamp(date: Date): string {
	const offset = -date.getTimezoneOffset();
	const sign = offset >= 0 ? '+' : '-';
	const abs = Math.abs(offset);
	return `${localIsoDate(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
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
