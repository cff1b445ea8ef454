/**
 * The figures measured in Chromium: cold loads of every lesson, a second lesson after the first,
 * and the first search. Debian's Chromium through playwright-core, a fresh browser context (empty
 * cache, no service worker) per cold start, no throttling: byte counts do not depend on it.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { NetworkLog, allDownloads, attribute, describe, isImage, sumBytes, watchPage, watchServiceWorker } from './network.mjs';
import { precacheUrls, served } from './static.mjs';

export function chromiumPath() {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	return candidates.find((p) => p && existsSync(p)) ?? chromium.executablePath();
}

/** Debian's Chromium, launched as the end-to-end tests launch it. */
export async function launch() {
	const browser = await chromium.launch({
		executablePath: chromiumPath(),
		// As in playwright.config.ts: no background traffic of Chromium's own in the counts.
		args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
	});
	return { browser, log: new NetworkLog(), contexts: 0, version: browser.version(), close: () => browser.close() };
}

/** A fresh context (empty cache, no service worker) and page, recorded. The phone size of the end-to-end tests; nothing else emulated. */
async function freshPage(run) {
	const context = await run.browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'vi-VN' });
	const contextId = ++run.contexts;
	watchServiceWorker(context, contextId, run.log);
	const page = await context.newPage();
	await watchPage(context, page, contextId, run.log);
	return { context, page, contextId };
}

/** Waits for the service worker to be active and its install downloads to be over. */
async function settleServiceWorker(page, log, contextId) {
	const ready = await page
		.evaluate(() => Promise.race([navigator.serviceWorker.ready.then(() => true), new Promise((r) => setTimeout(() => r(false), 15_000))]))
		.catch(() => false);
	await log.waitForQuiet(contextId, { quietMs: 700 });
	const controlled = await page.evaluate(() => Boolean(navigator.serviceWorker.controller)).catch(() => false);
	return { ready, controlled };
}

/**
 * Chromium (156) reports the service worker script's download with only its headers in
 * encodedDataLength, while nginx's access log shows the whole body sent: add the body as the
 * server sends it.
 */
async function fixServiceWorkerScript(entries) {
	for (const e of entries.filter((x) => x.swScript && !x.fixed)) {
		const { body } = await served(e.url, 'gzip, deflate, br, zstd');
		if (e.bytes < body) {
			e.bytes += body;
			e.note = `body (${body} B) added: CDP reported only the headers`;
		}
		e.fixed = true;
	}
}

/** One cold load: what the page downloads until the network is quiet, images apart. */
async function coldLoad(run, origin, url) {
	const { context, page, contextId } = await freshPage(run);
	try {
		const mark = run.log.mark();
		await page.goto(origin + url, { waitUntil: 'load' });
		const quiet = await run.log.waitForQuiet(contextId, { from: 'page' });
		const { page: downloads } = attribute(run.log.since(mark, contextId));
		const counted = downloads.filter((e) => !isImage(e));
		const images = downloads.filter(isImage);
		return {
			url,
			bytes: sumBytes(counted),
			requests: counted.length,
			imageBytes: sumBytes(images),
			imageRequests: images.length,
			quiet,
			files: counted.map(describe),
		};
	} finally {
		await context.close();
	}
}

export async function coldLoads(run, origin, lessons) {
	const results = [];
	for (const url of lessons) results.push(await coldLoad(run, origin, url));
	return results;
}

/**
 * Lesson A cold, the service worker left to install (a villager reads for a while), then every
 * other lesson in turn in the same tab: what each of them costs once the cache is warm.
 * Also gives the service worker's install downloads, counted apart from the page.
 */
export async function secondLessons(run, origin, dist, lessons) {
	const [first, ...others] = lessons;
	const { context, page, contextId } = await freshPage(run);
	try {
		const mark = run.log.mark();
		await page.goto(origin + first, { waitUntil: 'load' });
		await run.log.waitForQuiet(contextId, { from: 'page' });
		const sw = await settleServiceWorker(page, run.log, contextId);
		const window = run.log.since(mark, contextId);
		const { page: pageDownloads, swOwn } = attribute(window);
		await fixServiceWorkerScript(swOwn);
		const install = summariseInstall(swOwn, pageDownloads, precacheUrls(dist), origin);

		const seconds = [];
		for (const url of others) {
			const m = run.log.mark();
			await page.goto(origin + url, { waitUntil: 'load' });
			await run.log.waitForQuiet(contextId, { quietMs: 500 });
			const downloads = allDownloads(run.log.since(m, contextId));
			await fixServiceWorkerScript(downloads);
			const counted = downloads.filter((e) => !isImage(e));
			seconds.push({ url, bytes: sumBytes(counted), requests: counted.length, imageBytes: sumBytes(downloads.filter(isImage)), files: counted.map(describe) });
		}
		return { first, serviceWorker: { ...sw, install }, seconds };
	} finally {
		await context.close();
	}
}

/** The install downloads, checked against sw.js's precache list, and how many repeat the page's. */
function summariseInstall(swOwn, pageDownloads, precache, origin) {
	const fetched = new Set(swOwn.map((e) => new URL(e.url).pathname));
	const pagePaths = new Set(pageDownloads.map((e) => new URL(e.url).pathname));
	const repeated = swOwn.filter((e) => !e.swScript && pagePaths.has(new URL(e.url).pathname));
	return {
		bytes: sumBytes(swOwn),
		requests: swOwn.length,
		script: swOwn.filter((e) => e.swScript).map(describe),
		// Downloaded again by the precache although the page had just downloaded them.
		repeatedBytes: sumBytes(repeated),
		repeated: repeated.map(describe),
		// A precache entry we did not see fetched would mean this count is incomplete.
		notSeen: precache.filter((u) => !fetched.has(new URL(u, origin).pathname)),
		files: swOwn.map(describe),
	};
}

/**
 * The first search on a lesson page, once the page has settled (the villager has read a while):
 * tap the search button, enter "dinh danh", wait for the results. Everything downloaded in between
 * counts. `keyDelayMs` undefined enters the words at once (one search: the least it can cost);
 * a delay longer than Pagefind's 200 ms debounce makes each key run a search of its own.
 */
export async function firstSearch(run, origin, lesson, { query = 'dinh danh', keyDelayMs } = {}) {
	const { context, page, contextId } = await freshPage(run);
	try {
		await page.goto(origin + lesson, { waitUntil: 'load' });
		await run.log.waitForQuiet(contextId, { from: 'page' });
		const sw = await settleServiceWorker(page, run.log, contextId);

		const mark = run.log.mark();
		const started = Date.now();
		await page.getByRole('button', { name: 'Tìm kiếm' }).click();
		const input = page.locator('#gds-search-input');
		if (keyDelayMs === undefined) await input.fill(query);
		else await input.pressSequentially(query, { delay: keyDelayMs });
		await page.locator('gds-search .results li').first().waitFor({ timeout: 20_000 });
		const ms = Date.now() - started;
		const results = await page.locator('gds-search .results li').count();
		await run.log.waitForQuiet(contextId, { quietMs: 300 });

		const downloads = allDownloads(run.log.since(mark, contextId));
		return {
			lesson,
			query,
			keyDelayMs,
			controlledByServiceWorker: sw.controlled,
			results,
			ms,
			bytes: sumBytes(downloads),
			requests: downloads.length,
			files: downloads.map(describe).sort((a, b) => b.bytes - a.bytes),
		};
	} finally {
		await context.close();
	}
}
