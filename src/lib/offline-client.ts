/**
 * Storing the site for use without signal, when the reader asks (the save control) and listing
 * what is stored (the offline page). The service worker's registration is in sw-register.ts.
 */

/** Cache names shared by the service worker (src/integrations/offline.ts) and this page code. */
export const CACHES = { pages: 'gds-pages', search: 'gds-search', pdf: 'gds-pdf' } as const;
const SAVED_KEY = 'gds:offline-saved';

export interface OfflineBundle {
	version: string;
	pages: string[];
	search: string[];
	pdfs: string[];
	bytes: { pages: number; search: number; pdfs: number };
}

export function kb(bytes: number): string {
	return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`;
}

export async function fetchBundle(base: string): Promise<OfflineBundle> {
	const response = await fetch(`${base}offline.json`, { cache: 'no-cache' });
	if (!response.ok) throw new Error(String(response.status));
	return response.json();
}

export interface SavedState {
	version: string;
	pdfs: boolean;
	at: string;
}

export function savedState(): SavedState | undefined {
	try {
		const raw = JSON.parse(localStorage.getItem(SAVED_KEY) ?? 'null');
		return raw && typeof raw.version === 'string' ? raw : undefined;
	} catch {
		return undefined;
	}
}

/** Stores every page, the search index and, if asked, the PDFs, a few at a time. */
export async function saveForOffline(bundle: OfflineBundle, withPdfs: boolean, progress: (done: number, total: number) => void) {
	const jobs: [string, string][] = [
		...bundle.pages.map((u) => [CACHES.pages, u] as [string, string]),
		...bundle.search.map((u) => [CACHES.search, u] as [string, string]),
		...(withPdfs ? bundle.pdfs.map((u) => [CACHES.pdf, u] as [string, string]) : []),
	];
	let done = 0;
	const open = new Map<string, Cache>();
	for (let i = 0; i < jobs.length; i += 4) {
		await Promise.all(
			jobs.slice(i, i + 4).map(async ([name, url]) => {
				if (!open.has(name)) open.set(name, await caches.open(name));
				await open.get(name)!.add(new Request(url, { cache: 'no-cache' }));
				progress(++done, jobs.length);
			})
		);
	}
	localStorage.setItem(SAVED_KEY, JSON.stringify({ version: bundle.version, pdfs: withPdfs, at: new Date().toISOString() } satisfies SavedState));
}

/** Lists the stored pages with their titles, for the offline page. */
export async function storedPages(): Promise<{ url: string; title: string }[]> {
	if (!('caches' in window)) return [];
	const names = [CACHES.pages, ...(await caches.keys()).filter((n) => n.startsWith('workbox-precache'))];
	const found = new Map<string, string>();
	for (const name of names) {
		const cache = await caches.open(name);
		for (const request of await cache.keys()) {
			const url = new URL(request.url);
			if (!url.pathname.endsWith('/') || url.pathname.endsWith('/offline/') || found.has(url.pathname)) continue;
			const html = await (await cache.match(request))?.text();
			const title = /<title>([^<]*)<\/title>/.exec(html ?? '')?.[1]?.replace(/\s*\|.*$/, '');
			if (title) found.set(url.pathname, title);
		}
	}
	return [...found].map(([url, title]) => ({ url, title })).sort((a, b) => a.url.localeCompare(b.url));
}
