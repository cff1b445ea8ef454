/// <reference lib="webworker" />
/**
 * The service worker, scoped to the base. src/integrations/offline.ts bundles this file and has
 * Workbox (injectManifest) write the list of shell files into `self.__WB_MANIFEST`.
 *
 * Why it is built this way (issue 13). A stored page is its HTML plus the hashed styles and scripts
 * it names (`_astro/x.HASH.css`). Workbox's precache deletes the files the new version no longer
 * lists as soon as that version activates, and the browser's HTTP cache may be cleared at any time
 * (Android's "Xóa bộ nhớ đệm", low storage). So:
 * 1. Hashed files live, besides the precache, in `gds-assets`, which no precache cleanup touches.
 *    When a new version installs, the old version's hashed files are copied there first, and
 *    "Lưu" stores every hashed file of the bundle there. A stored page always finds its own files.
 * 2. While installing (the phone is online then: it has just downloaded this file), the new
 *    version fetches every stored page, the search index (and the PDFs if they were stored) and
 *    the hashed files they need into a staging cache. Only if every file arrived and every page
 *    finds the files it names does activation move them in. Otherwise nothing stored changes:
 *    the old copy stays whole and the pages say why in Vietnamese (see src/elements/offline.ts),
 *    and the next page opened online asks again, without a tap.
 * 3. Hashed files that no stored page names any more are deleted when a version activates: after a
 *    failed refresh the old pages still name theirs, so those stay.
 * The version in offline.json is a hash of what it lists, so a rebuild without changes refreshes
 * nothing.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst, StaleWhileRevalidate } from 'workbox-strategies';
import type { WorkboxPlugin } from 'workbox-core/types';
import { CACHES, assetRefs, pageKey, readState, writeState, type OfflineBundle, type OfflineState } from '../lib/offline-shared';

declare const self: ServiceWorkerGlobalScope;

// Written by Workbox at build time: objects only (no bare strings), see src/integrations/offline.ts.
const manifest = self.__WB_MANIFEST as { url: string; revision: string | null }[];
const scope = self.registration.scope;
const base = new URL(scope).pathname;
const abs = (url: string) => new URL(url, scope).href;
const BUNDLE_URL = abs(`${base}offline.json`);
/** offline.json is precached with its version as the revision: this worker's version. */
const VERSION = manifest.find((e) => e.url.endsWith('offline.json'))?.revision ?? '';
const PRECACHED = new Set(manifest.map((e) => abs(e.url)));
const STAGED_URL = '/__gds/staged.json';

self.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') self.skipWaiting();
	if (event.data?.type === 'REFRESH') event.waitUntil(refresh());
});

let refreshing: Promise<void> | undefined;
let askedAgain = false;
/**
 * One refresh at a time. A page that asks while one is running (it opened online while an earlier
 * try, begun before the network or the missing file came back, was still at work) is not dropped:
 * one more try follows once the running one ends.
 */
function refresh(): Promise<void> {
	if (refreshing) {
		askedAgain = true;
		return refreshing;
	}
	refreshing = (async () => {
		do {
			askedAgain = false;
			await refreshNow();
		} while (askedAgain);
	})().finally(() => (refreshing = undefined));
	return refreshing;
}

precacheAndRoute(manifest, { ignoreURLParametersMatching: [/.*/] });
cleanupOutdatedCaches();
clientsClaim();

/** Pages are stored under one address: Zalo's and Facebook's ?zarsrc=…/?fbclid=… are dropped. */
const onePageKey: WorkboxPlugin = {
	cacheKeyWillBeUsed: async ({ request, mode }) => (mode === 'write' ? pageKey(request.url) : request),
	// A page whose network answer failed: the same page stored under its usual address (cq-1 and
	// cq-1/index.html lead to cq-1/), else the offline page that lists what is stored.
	handlerDidError: async ({ request }) => {
		const key = pageKey(request.url);
		if (new URL(key).pathname !== new URL(request.url).pathname && (await caches.match(key, { ignoreSearch: true })))
			return Response.redirect(key, 301);
		return (await matchPrecache(`${base}offline/`)) ?? Response.error();
	},
};

// Pages: fresh from the network when it answers within a few seconds, else the stored copy.
registerRoute(
	({ request, url }) => request.mode === 'navigate' && url.pathname.startsWith(base),
	new NetworkFirst({ cacheName: CACHES.pages, networkTimeoutSeconds: 5, matchOptions: { ignoreSearch: true }, plugins: [onePageKey] })
);
const onlyOk: WorkboxPlugin = { cacheWillUpdate: async ({ response }) => (response.status === 200 ? response : null) };
// Hashed files the shell does not list (the tally's code…), and those of pages stored by an older
// version: kept until no stored page names them.
registerRoute(({ url }) => url.pathname.startsWith(`${base}_astro/`), new CacheFirst({ cacheName: CACHES.assets, plugins: [onlyOk] }));
// Pagefind asks for pagefind-entry.json?ts=…: the stored copy has no query.
registerRoute(
	({ url }) => url.pathname.startsWith(`${base}pagefind/`),
	new NetworkFirst({ cacheName: CACHES.search, networkTimeoutSeconds: 5, matchOptions: { ignoreSearch: true } })
);
registerRoute(({ url }) => url.pathname.startsWith(`${base}pdf/`), new NetworkFirst({ cacheName: CACHES.pdf, networkTimeoutSeconds: 5 }));
registerRoute(
	// Preview images, icons and the lessons' step pictures (hinh/), stored by "Lưu" with the pages.
	({ url }) => ['og', 'icons', 'hinh'].includes(folder(url.href)),
	new StaleWhileRevalidate({ cacheName: CACHES.assets, plugins: [onlyOk] })
);

self.addEventListener('install', (event) => {
	event.waitUntil(keepOldAssets().then(() => stage(true)).catch(() => {}));
});
self.addEventListener('activate', (event) => {
	event.waitUntil(moveStagedIn().catch(() => {}).then(dropUnnamedAssets).catch(() => {}));
});

/** Copies the hashed files of the version being replaced out of the precache, which is about to drop them. */
async function keepOldAssets() {
	if (!(await keysOf(CACHES.pages)).length) return; // nothing stored needs them
	const assets = await caches.open(CACHES.assets);
	for (const name of await caches.keys()) {
		if (!name.startsWith('workbox-precache')) continue;
		const precache = await caches.open(name);
		for (const request of await precache.keys()) {
			if (!new URL(request.url).pathname.startsWith(`${base}_astro/`) || (await assets.match(request))) continue;
			const response = await precache.match(request);
			if (response) await assets.put(request.url.replace(/\?.*$/, ''), response);
		}
	}
}

class RefreshError extends Error {
	constructor(
		readonly reason: 'quota' | 'missing' | 'network',
		readonly url?: string
	) {
		super(reason);
	}
}

const folder = (url: string) => new URL(url).pathname.slice(base.length).split('/')[0];
function cacheFor(url: string): string {
	const top = folder(url);
	return top === 'pagefind' ? CACHES.search : top === 'pdf' ? CACHES.pdf : top === '_astro' || top === 'hinh' ? CACHES.assets : CACHES.pages;
}

async function keysOf(name: string): Promise<string[]> {
	return (await caches.has(name)) ? (await (await caches.open(name)).keys()).map((r) => r.url) : [];
}

/**
 * Fetches the new version of everything stored into the staging cache; records a failure and
 * leaves every stored file as it is if anything is missing. `installing`: this worker is not
 * active yet, so offline.json comes from the network and must be this worker's version.
 */
async function stage(installing: boolean) {
	const state = await readState();
	const storedPages = await keysOf(CACHES.pages);
	if (!storedPages.length) return;
	if (state && state.version === VERSION && !state.failed) return;
	await caches.delete(CACHES.staging);
	try {
		// Asked again after a failure: not the whole download on every page opened. A missing file
		// is checked first; after anything else, at most one try every ten minutes.
		const last = state?.failed;
		if (!installing && last && last.version === VERSION) {
			if (last.reason === 'missing' && last.url && !(await fetch(last.url, { method: 'HEAD', cache: 'no-cache' }).then((r) => r.ok, () => false)))
				throw new RefreshError('missing', last.url);
			if (last.reason !== 'missing' && Date.now() - Date.parse(last.at ?? '') < 10 * 60 * 1000) return;
		}
		const response = installing ? await fetch(BUNDLE_URL, { cache: 'no-cache' }) : await matchPrecache(BUNDLE_URL);
		if (!response?.ok) throw new RefreshError('network');
		const bundle: OfflineBundle = await response.json();
		if (bundle.version !== VERSION) throw new RefreshError('network'); // published again meanwhile
		// Saved with "Lưu" (the search index is stored only then): the whole bundle, new pages too.
		const saved = !!state?.saved || (await keysOf(CACHES.search)).length > 0;
		const withPdfs = !!state?.saved?.pdfs || (await keysOf(CACHES.pdf)).length > 0;
		const pages = new Set([...storedPages.map(pageKey), ...(saved ? bundle.pages.map(abs) : [])]);
		const wanted = [...pages, ...(saved ? bundle.search.map(abs) : []), ...(withPdfs ? bundle.pdfs.map(abs) : [])];
		const staging = await caches.open(CACHES.staging);
		const gone: string[] = [];
		const fetched = new Map<string, string>();
		const put = async (url: string, response: Response) => {
			try {
				await staging.put(url, response);
			} catch (error) {
				throw new RefreshError((error as DOMException)?.name === 'QuotaExceededError' ? 'quota' : 'network', url);
			}
		};
		const get = async (url: string) => {
			let response: Response;
			try {
				response = await fetch(url, { cache: 'no-cache' });
			} catch {
				throw new RefreshError('network', url);
			}
			// A page the new version no longer has (never a page of the bundle) leaves the store.
			if (response.status === 404 && pages.has(url) && !bundle.pages.map(abs).includes(url)) return void gone.push(url);
			if (!response.ok || response.redirected) throw new RefreshError('missing', url);
			if (/\.(html|js)$|\/$/.test(new URL(url).pathname)) fetched.set(url, await response.clone().text());
			await put(url, response);
		};
		await inBatches(wanted, get);
		// Every hashed file of the new version (the bundle lists them all) and any other the new pages
		// or scripts name, unless the new precache holds it already or it is kept from before.
		const kept = new Set(await keysOf(CACHES.assets));
		const need = new Set<string>();
		const queue = [...bundle.assets.map(abs), ...[...fetched].flatMap(([url, text]) => assetRefs(text, url))];
		while (queue.length) {
			const url = queue.pop()!;
			if (need.has(url)) continue;
			need.add(url);
			if (PRECACHED.has(url) || kept.has(url)) continue;
			await get(url);
			if (fetched.has(url)) queue.push(...assetRefs(fetched.get(url)!, url));
		}
		await put(STAGED_URL, new Response(JSON.stringify({ version: VERSION, gone, saved, withPdfs })));
	} catch (error) {
		await caches.delete(CACHES.staging);
		let failed = error instanceof RefreshError ? error : new RefreshError('network');
		// No signal says nothing new: a known cause (a full memory, a missing file) is kept.
		if (failed.reason === 'network' && state?.failed && state.failed.reason !== 'network') failed = new RefreshError(state.failed.reason, state.failed.url);
		const failure = { reason: failed.reason, url: failed.url, version: VERSION, at: new Date().toISOString() };
		await writeState({ ...(state ?? { version: '' }), failed: failure }).catch(() => {});
		await tell();
	}
}

async function inBatches(urls: string[], job: (url: string) => Promise<void>) {
	for (let i = 0; i < urls.length; i += 4) await Promise.all(urls.slice(i, i + 4).map(job));
}

/** Moves a complete staged refresh into the stores, then drops what no stored page needs any more. */
async function moveStagedIn() {
	if (!(await caches.has(CACHES.staging))) return;
	const staging = await caches.open(CACHES.staging);
	const marker = await staging.match(STAGED_URL);
	const staged: { version: string; gone: string[]; saved: boolean; withPdfs: boolean } | undefined = await marker?.json();
	if (!staged || staged.version !== VERSION) return void (await caches.delete(CACHES.staging));
	// Files first, clean-up last: at every moment each stored page has all its files.
	for (const request of await staging.keys()) {
		if (request.url === abs(STAGED_URL)) continue;
		const response = await staging.match(request);
		if (response) await (await caches.open(cacheFor(request.url))).put(request, response);
	}
	const pages = await caches.open(CACHES.pages);
	for (const url of staged.gone) await pages.delete(url);
	const bundle: OfflineBundle | undefined = await (await matchPrecache(BUNDLE_URL))?.json();
	if (bundle) {
		await dropExcept(CACHES.search, new Set(bundle.search.map(abs)));
		await dropExcept(CACHES.pdf, new Set(bundle.pdfs.map(abs)));
	}
	const state = await readState();
	await writeState({ version: VERSION, saved: state?.saved ? { ...state.saved, at: new Date().toISOString() } : undefined });
	await caches.delete(CACHES.staging);
	await tell();
}

async function dropExcept(name: string, keep: Set<string>, only: (url: string) => boolean = () => true) {
	if (!(await caches.has(name))) return;
	const cache = await caches.open(name);
	for (const request of await cache.keys()) if (only(request.url) && !keep.has(request.url)) await cache.delete(request);
}

/** Hashed files that no stored page names any more (after a refresh, or when nothing is stored). */
async function dropUnnamedAssets() {
	await dropExcept(CACHES.assets, await namedAssets(), (url) => folder(url) === '_astro');
}

/** Every hashed file that a stored page names, directly or through the scripts it loads. */
async function namedAssets(): Promise<Set<string>> {
	const pages = await caches.open(CACHES.pages);
	const queue: string[] = [];
	for (const request of await pages.keys()) queue.push(...assetRefs((await (await pages.match(request))?.text()) ?? '', request.url));
	const named = new Set<string>();
	while (queue.length) {
		const url = queue.pop()!;
		if (named.has(url)) continue;
		named.add(url);
		if (url.endsWith('.js')) queue.push(...assetRefs((await (await caches.match(url))?.text()) ?? '', url));
	}
	return named;
}

/** A page asked again (it opened online after a failed refresh): stage and move in at once. */
async function refreshNow() {
	await stage(false);
	await moveStagedIn();
	await dropUnnamedAssets();
}

/** Tells open pages the new state, so a notice appears or goes away. */
async function tell() {
	const state: OfflineState | undefined = await readState();
	for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage({ type: 'gds-offline-state', state });
}
