import { expect, type Page, type Request } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { AFTER_PAINT_TYPE } from '../../src/integrations/after-paint';
import { BASE, DIST } from '../base.mjs';

/** The base path and the built site come from the build, through tests/base.mjs. */
export { BASE, DIST };

/** Every built page, as a path under the base ("", "cq-1/", "in/phieu-tu-danh-gia/" …). */
export function builtPages(): string[] {
	return readdirSync(DIST, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() && e.name === 'index.html')
		.map((e) => relative(DIST, e.parentPath).split(sep).join('/'))
		.map((p) => (p ? `${p}/` : ''))
		.filter((p) => !p.startsWith('pagefind/'))
		.sort();
}

/**
 * The page's scripts have run. They load after its first paint (src/integrations/after-paint.ts),
 * so a test that presses a shortcut or fires an event the moment the page has loaded waits for
 * them first, as a reader's first tap comes later than that.
 */
export async function scriptsRan(page: Page) {
	await page.waitForFunction(() => !!customElements.get('gds-search'));
}

/**
 * The page has loaded all it loads by itself: every script deferred to after the first paint has
 * arrived, and then half a second has passed with no request starting or ending (their own
 * chunks). `networkidle` is not enough: on a busy machine the first paint, and so the scripts, can
 * come more than half a second after the stylesheet, and a test would measure or watch a page
 * whose scripts have not yet been asked for.
 */
export async function settled(page: Page, quietMs = 500) {
	await page.waitForFunction((type) => {
		const loaded = new Set(performance.getEntriesByType('resource').map((e) => e.name));
		return [...document.querySelectorAll<HTMLScriptElement>(`script[type="${type}"]`)].every((s) => loaded.has(s.src));
	}, AFTER_PAINT_TYPE);
	let last = Date.now();
	const seen = () => void (last = Date.now());
	page.on('request', seen);
	page.on('requestfinished', seen);
	page.on('requestfailed', seen);
	try {
		while (Date.now() - last < quietMs) await page.waitForTimeout(100);
	} finally {
		page.off('request', seen);
		page.off('requestfinished', seen);
		page.off('requestfailed', seen);
	}
}

/**
 * Sổ theo dõi takes input: it is inert until its script, loaded after the first paint, has run (a
 * file handed to an inert picker would reach no one; a person cannot even open it).
 */
export async function tallyTakesInput(page: Page) {
	await expect(page.locator('gds-tally [data-app]')).not.toHaveAttribute('inert');
}

/** dist/criteria.json, the portal manifest. */
export function manifest(): { id: string; group: string; title: string; wording: string; url: string | null }[] {
	return JSON.parse(readFileSync(join(DIST, 'criteria.json'), 'utf8'));
}

/**
 * Watches a page for what a user would notice or should never happen: console errors, failed
 * requests, and any request that leaves the local server.
 */
export function watch(page: Page) {
	const errors: string[] = [];
	const external: string[] = [];
	const requests: Request[] = [];
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	page.on('pageerror', (e) => errors.push(String(e)));
	page.on('request', (r) => {
		requests.push(r);
		const url = new URL(r.url());
		if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) external.push(r.url());
	});
	return {
		errors,
		external,
		requests,
		expectClean() {
			expect(errors, 'console errors').toEqual([]);
			expect(external, 'requests leaving the site').toEqual([]);
		},
	};
}

/** Waits until the service worker is ready and controls the page. */
export async function controlled(page: Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller)
			await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
	});
}
