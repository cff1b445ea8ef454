/** Dates as Vietnamese readers write them: 25/11/2026. */
export function formatDate(date: Date): string {
	const d = String(date.getUTCDate()).padStart(2, '0');
	const m = String(date.getUTCMonth() + 1).padStart(2, '0');
	return `${d}/${m}/${date.getUTCFullYear()}`;
}
