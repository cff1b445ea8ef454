import { expect, test, type Page } from '@playwright/test';
import { brotliCompressSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE, DIST, manifest, settled } from './helpers';
import { ACT_ICONS } from '../../src/lib/act-icons';
import { DRAWINGS } from '../../src/lib/drawings';

const KB = 1024;
// Issue 16: pictures must not cost the first screen; the site still works on weak 3G.
test.use({ serviceWorkers: 'block' });

const lessons = () => manifest().filter((c) => c.url);

/** Numbered steps of the lesson as a reader sees them, and which carry a picture. */
async function stepPictures(page: Page) {
	return page.locator('.sl-steps > li').evaluateAll((items) =>
		items.map((li) => ({ text: (li.textContent ?? '').trim().slice(0, 40), picture: Boolean(li.querySelector('img.act, figure.drawing img')) }))
	);
}

/** Brings every lazy picture in and waits until each has loaded (or failed). */
const loadAllPictures = (page: Page) =>
	page.evaluate(() => Promise.all([...document.images].map((img) => ((img.loading = 'eager'), img.decode().then(() => true, () => false)))));

test('a lesson that has step pictures has one on at least 90% of its numbered steps', async ({ page }) => {
	test.setTimeout(120_000);
	for (const c of lessons()) {
		await page.goto(c.url!);
		const steps = await stepPictures(page);
		if (!steps.some((s) => s.picture)) continue;
		const without = steps.filter((s) => !s.picture).map((s) => s.text);
		expect(without.length / steps.length, `${c.id}: bước không có hình: ${without.join(' | ')}`).toBeLessThanOrEqual(0.1);
	}
});

test('every lesson has step pictures', async ({ page }) => {
	test.setTimeout(120_000);
	const none: string[] = [];
	for (const c of lessons()) {
		await page.goto(c.url!);
		if (!(await stepPictures(page)).some((s) => s.picture)) none.push(c.id);
	}
	expect(none, 'lessons whose steps have no picture at all').toEqual([]);
});

test('step pictures show on screen and on paper, in black on white, and say nothing twice to a screen reader', async ({ page }) => {
	test.setTimeout(120_000);
	let seen = 0;
	for (const c of lessons()) {
		await page.goto(c.url!);
		if ((await page.locator('img.act, figure.drawing img').count()) === 0) continue;
		seen++;
		// The icon repeats the verb beside it: decorative. A drawing tells something: described.
		for (const alt of await page.locator('img.act').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt')))) expect(alt, c.id).toBe('');
		for (const fig of await page.locator('figure.drawing').all()) {
			expect((await fig.locator('img').getAttribute('alt'))?.length ?? 0, `${c.id}: alt of a drawing`).toBeGreaterThan(20);
			await expect(fig.locator('figcaption'), c.id).not.toBeEmpty();
		}
		for (const media of ['screen', 'print'] as const) {
			await page.emulateMedia({ media });
			expect(await loadAllPictures(page), `${c.id} (${media}): every picture loads`).not.toContain(false);
			const shown = await page.locator('img.act, figure.drawing img').evaluateAll((imgs) =>
				imgs.map((i) => (i as HTMLImageElement).naturalWidth > 0 && i.getBoundingClientRect().width >= 16 && getComputedStyle(i).display !== 'none')
			);
			expect(shown, `${c.id} (${media})`).not.toContain(false);
		}
		await page.emulateMedia({ media: 'screen' });
	}
	expect(seen, 'lessons with pictures to look at').toBeGreaterThan(0);
});

test('each icon key shows its own drawing from the one sprite', async ({ page }) => {
	await page.goto(BASE);
	const keys = Object.keys(ACT_ICONS);
	// Draw each icon as a lesson does and read its pixels: a view that is empty or shows its
	// neighbour would be a wrong picture next to a step.
	const prints = await page.evaluate(
		async ({ keys, src }) =>
			Promise.all(
				keys.map(async (key) => {
					const img = new Image(32, 32);
					img.src = `${src}#${key}`;
					await img.decode();
					const canvas = Object.assign(document.createElement('canvas'), { width: 32, height: 32 });
					const ctx = canvas.getContext('2d')!;
					ctx.fillStyle = '#fff';
					ctx.fillRect(0, 0, 32, 32);
					ctx.drawImage(img, 0, 0, 32, 32);
					const { data } = ctx.getImageData(0, 0, 32, 32);
					let dark = 0;
					let bits = '';
					for (let i = 0; i < data.length; i += 4) {
						const isDark = data[i] < 128;
						dark += isDark ? 1 : 0;
						bits += isDark ? '1' : '0';
					}
					return { key, dark, bits };
				})
			),
		{ keys, src: `${BASE}hinh/act.svg` }
	);
	for (const p of prints) expect(p.dark, `icon ${p.key} is drawn`).toBeGreaterThan(30);
	expect(new Set(prints.map((p) => p.bits)).size, 'every key looks different').toBe(keys.length);
});

test('the pictures are small: sprite, drawings, and a whole lesson with every picture', async ({ page }) => {
	test.setTimeout(120_000);
	const br = (path: string) => brotliCompressSync(readFileSync(join(DIST, path))).length;
	expect(br('hinh/act.svg'), 'icon sprite, brotli').toBeLessThanOrEqual(3 * KB);
	for (const name of Object.keys(DRAWINGS)) expect(br(`hinh/${name}.svg`), `drawing ${name}, brotli`).toBeLessThanOrEqual(1.5 * KB);

	for (const c of lessons()) {
		// Cold lesson: pictures apart (they are lazy, below the first screen), the page's own cost.
		await page.goto(c.url!);
		await settled(page);
		const cold = await page.evaluate(() => {
			const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
			const page = entries.filter((e) => e.initiatorType !== 'img');
			return { bytes: page.reduce((sum, e) => sum + e.encodedBodySize, 0), requests: page.length };
		});
		expect(cold.bytes, `${c.id}: cold lesson without pictures, bytes`).toBeLessThanOrEqual(20 * KB);
		expect(cold.requests, `${c.id}: cold lesson without pictures, requests`).toBeLessThanOrEqual(4);
		// The whole lesson read to the end, every picture loaded: what the phone downloads.
		await loadAllPictures(page);
		await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
		await page.waitForLoadState('networkidle');
		const bytes = await page.evaluate(() =>
			([...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[]).reduce((sum, e) => sum + e.encodedBodySize, 0)
		);
		expect(bytes, `${c.id}: whole lesson with every picture, bytes`).toBeLessThanOrEqual(45 * KB);
	}
});

test.describe('with the service worker', () => {
	test.use({ serviceWorkers: 'allow' });

	test('with no network, a stored lesson still shows its icons and drawings', async ({ page, context }) => {
		await page.goto(BASE);
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
			if (!navigator.serviceWorker.controller)
				await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
		});
		// "Lưu" stores the lessons with their pictures (offline.json lists hinh/ with the styles and scripts).
		await page.getByRole('button', { name: /Lưu để dùng khi không có mạng/ }).click();
		await expect(page.locator('gds-offline-save .status')).toContainText('Đã lưu', { timeout: 90_000 });
		await context.setOffline(true);
		// What a lesson's <img> asks for, answered from the phone.
		const ok = await page.evaluate(
			(urls) => Promise.all(urls.map((u) => fetch(u).then((r) => r.ok && r.headers.get('content-type')?.includes('svg'), () => false))),
			[`${BASE}hinh/act.svg`, ...Object.keys(DRAWINGS).map((n) => `${BASE}hinh/${n}.svg`)]
		);
		expect(ok).not.toContain(false);
	});
});
