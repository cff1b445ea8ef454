/** Formatting for the printed report: sizes, the budget table (Markdown, so it pastes into an issue). */

export const KB = 1024;

export const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

export const size = (bytes) => (bytes >= KB * KB ? `${(bytes / KB / KB).toFixed(1)} MB` : kb(bytes));

export function median(numbers) {
	const sorted = [...numbers].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The largest by `key`, or undefined for an empty list. */
export const maxBy = (list, key) => list.reduce((best, x) => (best === undefined || key(x) > key(best) ? x : best), undefined);

/** ok: true ✓, false ✗, null for a line that has no budget of its own. */
const mark = (ok) => (ok === true ? '✓' : ok === false ? '✗' : '');

export function table(rows) {
	const cells = rows.map((r) => [r.figure, r.measured, r.budget ?? '', mark(r.ok)]);
	const head = ['figure', 'measured', 'budget', ''];
	const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => [...c[i]].length)));
	const line = (c) => `| ${c.map((x, i) => x + ' '.repeat(widths[i] - [...x].length)).join(' | ')} |`;
	return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

/** A list of files with their sizes, largest first, indented under a heading. */
export function fileList(files, limit = 12) {
	const sorted = [...files].sort((a, b) => b.bytes - a.bytes);
	const lines = sorted.slice(0, limit).map((f) => `    ${kb(f.bytes).padStart(9)}  ${f.url}${f.from === 'sw' ? '  (via service worker)' : ''}${f.note ? `  [${f.note}]` : ''}`);
	if (sorted.length > limit) lines.push(`    … and ${sorted.length - limit} more`);
	return lines.join('\n');
}
