/**
 * The first text on the screen needs the page and its stylesheet only (src/integrations/after-paint.ts):
 * no script, and not the manifest, is fetched before the first contentful paint; once the text is
 * there, the scripts load and run, and the manifest is there to install the site. On a 400 ms link
 * each request before the first paint costs the reader a round trip or a share of the line.
 */
import { expect, test, type Page, type Request } from '@playwright/test';
import { loadSiteData } from '../../src/data/load';
import { AFTER_PAINT_TYPE } from '../../src/integrations/after-paint';
import { tallyToCsv } from '../../src/lib/tally-csv';
import { BASE, builtPages, settled } from './helpers';

// A cold first visit: no service worker (it would serve the files from its cache on a second page).
test.use({ serviceWorkers: 'block' });

/** The pages of the Lighthouse harsh profile in `npm run bench`, and every other page (one test, in a loop). */
const BENCH_PAGES = ['', 'cq-1/', 'so-theo-doi/'];

for (const path of BENCH_PAGES) {
	test(`${path || 'trang chủ'}: only the page and its stylesheet before the first paint; scripts and manifest after`, async ({ page }) => {
		const finished: Request[] = [];
		page.on('requestfinished', (r) => finished.push(r));
		await page.goto(`${BASE}${path}`);
		// The scripts come after the paint, and then their own chunks.
		await settled(page);
		const fcp = await page.evaluate(() => {
			const entry = performance.getEntriesByName('first-contentful-paint')[0];
			return entry ? performance.timeOrigin + entry.startTime : undefined;
		});
		expect(fcp, `${path}: no first contentful paint`).toBeDefined();
		const scripts = finished.filter((r) => r.resourceType() === 'script');
		expect(scripts.length, `${path}: its scripts were loaded`).toBeGreaterThan(0);
		const early = [...scripts, ...finished.filter((r) => r.resourceType() === 'manifest')]
			.filter((r) => r.timing().startTime < fcp!)
			.map((r) => `${new URL(r.url()).pathname} (${Math.round(fcp! - r.timing().startTime)} ms before the first paint)`);
		expect(early, `${path}: requested before the first paint`).toEqual([]);
		// The manifest link is back in place: Chrome finds the manifest to install the site.
		const cdp = await page.context().newCDPSession(page);
		const { url, errors } = await cdp.send('Page.getAppManifest');
		expect(url, `${path}: manifest`).toBe(new URL(`${BASE}manifest.webmanifest`, page.url()).href);
		expect(errors, `${path}: manifest errors`).toEqual([]);
	});
}

test('no page of the site asks for a script or the manifest in its HTML', async ({ request }) => {
	// A <script src> or <link rel="manifest"> that escaped the build step would be fetched at once.
	const offending: string[] = [];
	for (const path of builtPages()) {
		const html = await (await request.get(`${BASE}${path}`)).text();
		for (const [tag] of html.matchAll(/<script\b[^>]*\bsrc=[^>]*>/g)) if (!tag!.includes(`type="${AFTER_PAINT_TYPE}"`)) offending.push(`${path || 'trang chủ'}: ${tag}`);
		if (/<link\b[^>]*\srel="manifest"/.test(html)) offending.push(`${path || 'trang chủ'}: <link rel="manifest">`);
	}
	expect(offending).toEqual([]);
});

test.describe('what a reader does before the scripts arrive is kept', () => {
	/** Holds every script of the site until `release` is called: a slow link, a second after the first paint. */
	async function holdScripts(page: Page) {
		let release!: () => void;
		const released = new Promise<void>((r) => (release = r));
		await page.route(`**${BASE}_astro/*.js`, async (route) => {
			await released;
			await route.continue();
		});
		return release;
	}

	test('Gia đình tôi: an answer tapped before the page\'s script ran is saved and counted', async ({ page }) => {
		const release = await holdScripts(page);
		await page.goto(`${BASE}gia-dinh-toi/`);
		await page.locator('input[name="cq-1"][value="dat"]').check();
		expect(await page.evaluate(() => Object.keys(localStorage).length), 'nothing saved yet: the script has not run').toBe(0);
		release();
		await expect(page.locator('[data-progress="all"]')).toHaveText('đạt 1 / 21 tiêu chí áp dụng');
		const saved = await page.evaluate(() => Object.values(localStorage).join(''));
		expect(JSON.parse(saved).answers).toEqual({ 'cq-1': 'dat' });
		await page.reload();
		await expect(page.locator('input[name="cq-1"][value="dat"]')).toBeChecked();
	});

	test('Tổng hợp của xã: files picked before the page\'s script ran are read once it arrives', async ({ page }) => {
		const { criteria } = loadSiteData(process.cwd(), { env: {} });
		const csv = tallyToCsv(criteria, 'Kon Chiêng', [{ id: '1', name: 'Hộ A', houseNumber: '1', answers: Object.fromEntries(criteria.map((c) => [c.id, 'dat'])) }], new Date('2026-11-27T16:00:00+07:00'));
		const release = await holdScripts(page);
		await page.goto(`${BASE}so-theo-doi/tong-hop/`);
		await page.locator('[data-files]').setInputFiles([{ name: 'lang-kon-chieng.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) }]);
		release();
		await expect(page.locator('[data-reported]')).toContainText(/1\/11 làng đã nộp|1 làng đã nộp/);
	});

	test('Sổ theo dõi takes no typing before its script can keep it, and all of it after', async ({ page }) => {
		const release = await holdScripts(page);
		await page.goto(`${BASE}so-theo-doi/`);
		const app = page.locator('gds-tally [data-app]');
		await expect(app).toBeVisible();
		await expect(app, 'the tally is inert while its script is on the way').toHaveAttribute('inert', '');
		release();
		await expect(app).not.toHaveAttribute('inert');
		await page.locator('form[data-add]').getByLabel('Số nhà').fill('7');
		await page.locator('form[data-add]').getByRole('button', { name: 'Thêm hộ' }).click();
		await expect(page.locator('[data-households] > li')).toHaveCount(1);
	});
});
