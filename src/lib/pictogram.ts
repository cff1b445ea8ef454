import { criterionNumber } from './criterion';

/** Loads a criterion's pictogram; a criterion without a drawing yet gets its number in a box. */
const drawings = import.meta.glob<string>('../pictograms/*.svg', { query: '?raw', import: 'default', eager: true });

export function pictogramSvg(id: string): string {
	const svg = drawings[`../pictograms/${id}.svg`];
	if (svg) return svg;
	const [prefix, n] = criterionNumber(id).split('-');
	return `<svg viewBox="0 0 48 48" xmlns="http://www.w3.org/2000/svg"><rect x="3" y="3" width="42" height="42" rx="6" fill="none" stroke="currentColor" stroke-width="4"/><text x="24" y="22" font-size="13" font-weight="700" text-anchor="middle" fill="currentColor" font-family="sans-serif">${prefix}</text><text x="24" y="38" font-size="15" font-weight="700" text-anchor="middle" fill="currentColor" font-family="sans-serif">${n}</text></svg>`;
}
