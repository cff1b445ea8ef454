/** Talks to Pagefind in the browser: loaded on first use, queries debounced, results rendered. */

interface PagefindResultData {
	url: string;
	meta: { title?: string; description?: string };
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
		await pagefind.options({ excerptLength: 20 });
		await pagefind.init();
		return pagefind;
	})();
	loading.catch(() => (loading = undefined));
	return loading;
}

export const MAX_RESULTS = 8;

export async function runSearch(base: string, query: string, status: HTMLElement, list: HTMLOListElement) {
	const q = query.normalize('NFC').trim();
	if (!q) {
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
	const search = await pagefind.debouncedSearch(q, {}, 200);
	if (!search) return; // A newer keystroke replaced this search.
	const results = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
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
