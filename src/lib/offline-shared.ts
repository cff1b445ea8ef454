/**
 * What the service worker (src/sw/sw.ts) and the pages (src/lib/offline-client.ts) agree on: cache
 * names, the shape of offline.json, and the record of the last save or refresh. No DOM here: the
 * service worker bundles this file too.
 */

/** Cache names. `gds-assets` is not Workbox's precache, so an update's precache cleanup never touches it. */
export const CACHES = {
	pages: 'gds-pages',
	search: 'gds-search',
	pdf: 'gds-pdf',
	assets: 'gds-assets',
	staging: 'gds-staging',
	meta: 'gds-meta',
} as const;

/** offline.json: what "Lưu để dùng khi không có mạng" stores. `version` is a hash of all of it. */
export interface OfflineBundle {
	version: string;
	pages: string[];
	search: string[];
	pdfs: string[];
	/** Every hashed style and script the stored pages use (`_astro/…`), so a stored page never lacks one. */
	assets: string[];
	bytes: { pages: number; search: number; pdfs: number; assets: number };
}

/** What is stored, kept in the `gds-meta` cache (a service worker cannot read localStorage). */
export interface OfflineState {
	/** The version of the pages in `gds-pages` (saved or only visited). */
	version: string;
	/** Set once the reader pressed "Lưu": when, and whether with the PDFs. */
	saved?: { at: string; pdfs: boolean };
	/** The last automatic refresh failed: the old copy is kept whole. `missing` names the file. */
	failed?: { reason: 'quota' | 'missing' | 'network'; url?: string; version: string; at?: string };
}

/** Where the state is kept inside the `gds-meta` cache (a made-up address, never fetched). */
export const STATE_URL = '/__gds/offline-state.json';

export async function readState(): Promise<OfflineState | undefined> {
	if (!(await caches.has(CACHES.meta))) return undefined;
	const response = await (await caches.open(CACHES.meta)).match(STATE_URL);
	try {
		const state = response && (await response.json());
		return state && typeof state.version === 'string' ? state : undefined;
	} catch {
		return undefined;
	}
}

export async function writeState(state: OfflineState) {
	await (await caches.open(CACHES.meta)).put(STATE_URL, new Response(JSON.stringify(state), { headers: { 'content-type': 'application/json' } }));
}

/** The one key a page is stored under: no query (fbclid, zarsrc…), no index.html, a trailing slash. */
export function pageKey(href: string): string {
	const url = new URL(href);
	url.search = '';
	url.hash = '';
	url.pathname = url.pathname.replace(/\/index\.html$/, '/');
	if (!url.pathname.endsWith('/') && !/\.[a-z0-9]+$/i.test(url.pathname)) url.pathname += '/';
	return url.href;
}

/** The hashed files a page or a script refers to, as absolute URLs. */
export function assetRefs(text: string, from: string): string[] {
	const found = new Set<string>();
	// Pages: href/src="…/_astro/x.hash.css"; scripts: import("./x.hash.js") or from"./x.hash.js".
	for (const [, ref] of text.matchAll(/["'`]((?:[^"'`\s]*\/)?_astro\/[\w.-]+\.(?:css|js))["'`]/g)) found.add(new URL(ref!, from).href);
	if (/\/_astro\/[^/]+\.js$/.test(new URL(from).pathname))
		for (const [, ref] of text.matchAll(/["'`](\.\/[\w.-]+\.(?:css|js))["'`]/g)) found.add(new URL(ref!, from).href);
	return [...found];
}
