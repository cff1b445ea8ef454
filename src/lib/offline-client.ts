/**
 * Storing the site for use without signal, when the reader asks (the save control) and listing
 * what is stored (the offline page). The service worker's registration is in sw-register.ts.
 */

import { CACHES, readState, writeState, type OfflineBundle, type OfflineState } from './offline-shared';
export { CACHES, type OfflineBundle } from './offline-shared';

/** Where versions before issue 13 kept the saved state. */
const OLD_SAVED_KEY = 'gds:offline-saved';

export function kb(bytes: number): string {
	return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`;
}

export async function fetchBundle(base: string): Promise<OfflineBundle> {
	const response = await fetch(`${base}offline.json`, { cache: 'no-cache' });
	if (!response.ok) throw new Error(String(response.status));
	return response.json();
}

/** What is stored on this phone (the service worker keeps it up to date, see src/sw/sw.ts). */
export async function offlineState(): Promise<OfflineState | undefined> {
	const state = await readState().catch(() => undefined);
	if (state) return state;
	try {
		const old = JSON.parse(localStorage.getItem(OLD_SAVED_KEY) ?? 'null');
		if (old && typeof old.version === 'string') return { version: old.version, saved: { at: old.at, pdfs: !!old.pdfs } };
	} catch {
		// Nothing readable: nothing saved.
	}
	return undefined;
}

/**
 * Stores every page, the hashed styles and scripts they use, the search index and, if asked, the
 * PDFs, a few at a time. The hashed files go first, so that every page stored is whole.
 */
export async function saveForOffline(bundle: OfflineBundle, withPdfs: boolean, progress: (done: number, total: number) => void) {
	const jobs: [string, string][] = [
		...bundle.assets.map((u) => [CACHES.assets, u] as [string, string]),
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
				const cache = open.get(name)!;
				// Hashed files never change: one already stored need not come again.
				if (name !== CACHES.assets || !(await cache.match(url))) await cache.add(new Request(url, { cache: 'no-cache' }));
				progress(++done, jobs.length);
			})
		);
	}
	await writeState({ version: bundle.version, saved: { at: new Date().toISOString(), pdfs: withPdfs } });
	localStorage.removeItem(OLD_SAVED_KEY);
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
			const title = /<title>([^<]*)<\/title>/.exec(html ?? '')?.[1]?.replace(/\s*\|.*$/, ''); // Starlight's "<page> | <site>" (TITLE_SEPARATOR in starlight-internals.ts, checked by its test; not imported, so that this lazily loaded module shares no chunk with the footer's script)
			if (title) found.set(url.pathname, title);
		}
	}
	return [...found].map(([url, title]) => ({ url, title })).sort((a, b) => a.url.localeCompare(b.url));
}
