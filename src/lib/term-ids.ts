/**
 * Ids for the words a page explains in place (<Term>): a page may use the same word several times,
 * and the booklet holds every lesson, so each use gets its number on that page. Counted per page
 * render (keyed by its `Astro.locals`), so the same page always gets the same ids.
 */
const perPage = new WeakMap<object, Map<string, number>>();

export function termUseId(page: object, id: string): string {
	const counts = perPage.get(page) ?? new Map<string, number>();
	perPage.set(page, counts);
	const n = (counts.get(id) ?? 0) + 1;
	counts.set(id, n);
	return `tu-${id}-${n}`;
}
