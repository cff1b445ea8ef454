/** Talks to Pagefind in the browser: loaded on first use, queries debounced, results rendered. */
import { foldAll } from './fold';

interface PagefindResultData {
	url: string;
	meta: { title?: string; description?: string; keywords?: string };
	excerpt: string;
}
interface Pagefind {
	options(o: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	debouncedSearch(q: string, o?: object, ms?: number): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

let loading: Promise<Pagefind> | undefined;

function loadPagefind(base: string): Promise<Pagefind> {
	loading ??= (async () => {
		const pagefind: Pagefind = await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`);
		// In the page, not a worker: one file less to download, and its requests go through the service
		// worker, so search works with no network.
		// Words like "số", "điện", "từ" are on nearly every page; weighing how often a page repeats
		// them less lets the page whose keywords and title match rank first (measured on the
		// resident queries in tests/e2e/search.spec.ts).
		await pagefind.options({ excerptLength: 20, noWorker: true, ranking: { termFrequency: 0.3 } });
		await pagefind.init();
		return pagefind;
	})();
	loading.catch(() => (loading = undefined));
	return loading;
}

export const MAX_RESULTS = 6;
/** Pagefind's best results are looked at again for the whole phrase: only those shown, to download less. */
const RERANK = MAX_RESULTS;

/**
 * Pagefind matches words one by one, so "dinh danh" also matches every page that says "gia đình"
 * and "danh sách". A page whose title holds the whole phrase comes first, then one with the
 * phrase as a keyword, then one whose keyword is part of it.
 */
export function rerank<T extends { meta: PagefindResultData['meta'] }>(query: string, results: T[]): T[] {
	const plain = (text: string) => foldAll(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
	const phrase = plain(query);
	const score = (r: T) => {
		const title = plain(r.meta.title ?? '');
		const keywords = (r.meta.keywords ?? '').split(',').map(plain);
		if (title.includes(phrase)) return 3;
		if (keywords.includes(phrase)) return 2;
		return keywords.some((k) => k.includes(phrase) || phrase.includes(k)) ? 1 : 0;
	};
	return results.map((r, i) => ({ r, i, s: score(r) })).sort((a, b) => b.s - a.s || a.i - b.i).map((x) => x.r);
}

export async function runSearch(base: string, query: string, status: HTMLElement, list: HTMLOListElement) {
	const q = query.normalize('NFC').trim();
	// One letter matches nearly every page: wait for a second one before downloading anything.
	if (q.length < 2) {
		status.textContent = '';
		list.replaceChildren();
		return;
	}
	status.textContent = 'Đang tìm…';
	let pagefind: Pagefind;
	try {
		pagefind = await loadPagefind(base);
	} catch {
		status.textContent = 'Chưa tải được bộ tìm kiếm. Bà con kiểm tra mạng rồi gõ lại.';
		return;
	}
	const search = await pagefind.debouncedSearch(q, {}, 300);
	if (!search) return; // A newer keystroke replaced this search.
	const results = rerank(q, await Promise.all(search.results.slice(0, RERANK).map((r) => r.data()))).slice(0, MAX_RESULTS);
	status.textContent = results.length
		? `Tìm thấy ${search.results.length} bài cho “${q}”.`
		: `Không tìm thấy bài nào cho “${q}”. Thử từ khác, ví dụ: căn cước, tiền điện, chuyển khoản.`;
	list.replaceChildren(
		...results.map((r) => {
			const li = document.createElement('li');
			const a = document.createElement('a');
			a.href = r.url;
			a.textContent = r.meta.title ?? r.url;
			const p = document.createElement('p');
			p.textContent = r.meta.description ?? '';
			li.append(a, p);
			return li;
		})
	);
}
