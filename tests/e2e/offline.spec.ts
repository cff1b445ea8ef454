import { expect, test, type Page } from '@playwright/test';
import { appendFileSync, chmodSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE, DIST, controlled, settled, tallyTakesInput, watch } from './helpers';
import type { OfflineBundle } from '../../src/lib/offline-shared';
import { start } from '../server/nginx.mjs';

const bundle = (): OfflineBundle => JSON.parse(readFileSync(join(DIST, 'offline.json'), 'utf8'));

// Service workers must be allowed; every test gets a fresh browser profile.
test.use({ serviceWorkers: 'allow' });

async function cachedUrls(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const urls: string[] = [];
		for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
		return urls;
	});
}

test('the first visit stores only the shell: styles, scripts, the home page and the offline page', async ({ page }) => {
	await page.goto(BASE);
	await controlled(page);
	const urls = await cachedUrls(page);
	expect(urls).toContain(BASE);
	expect(urls).toContain(`${BASE}offline/`);
	expect(urls.some((u) => u.startsWith(`${BASE}_astro/`) && u.endsWith('.css'))).toBe(true);
	expect(urls.filter((u) => /\/(cq|kt|xh)-\d\/$/.test(u))).toEqual([]);
	expect(urls.filter((u) => u.includes('/pagefind/') || u.includes('/pdf/'))).toEqual([]);
	// A household's first visit does not download the team leader's tally.
	expect(urls.filter((u) => /\/_astro\/(TallyBook|CommuneSummary|tally)/.test(u))).toEqual([]);
});

test('offline, a stored page opens by the forms of its address people really have: no slash, ?fbclid=…, index.html', async ({ page, context }) => {
	await page.goto(BASE);
	await controlled(page);
	await page.goto(`${BASE}cq-1/`); // visited pages are kept
	await context.setOffline(true);
	for (const address of ['cq-1', 'cq-1/?fbclid=IwAR0abc123', 'cq-1/?zarsrc=30&utm_source=zalo', 'cq-1/index.html']) {
		await page.goto(`${BASE}${address}`);
		await expect(page.locator('h1'), address).toHaveText(/VNeID/);
		// The same address as online, so that its relative links lead where they should.
		expect(new URL(page.url()).pathname, address).toBe(`${BASE}cq-1/`);
	}
});

test('the save control shows the real size, stores every page and the search, and all of it works with no network', async ({ page, context }) => {
	test.setTimeout(120_000);
	const b = bundle();
	await page.goto(BASE);
	await controlled(page);
	const kb = Math.round((b.bytes.pages + b.bytes.search + b.bytes.assets) / 1024).toLocaleString('vi-VN');
	const save = page.getByRole('button', { name: `Lưu để dùng khi không có mạng (≈ ${kb} KB)` });
	await expect(save).toBeVisible();
	await save.click();
	await expect(page.locator('gds-offline-save .status')).toContainText('Đã lưu', { timeout: 60_000 });
	expect((await cachedUrls(page)).filter((u) => u.includes('/pdf/'))).toEqual([]);

	await context.setOffline(true);
	for (const url of b.pages) {
		const response = await page.goto(url);
		expect(response?.ok(), url).toBe(true);
		await expect(page.locator('h1'), url).not.toHaveText('Không có mạng');
	}
	await page.goto(`${BASE}kt-4/`);
	await page.getByRole('button', { name: 'Tìm kiếm' }).click();
	await page.getByLabel(/Gõ điều bà con cần tìm/).fill('dinh danh');
	await expect(page.locator('gds-search .results li a').first()).toHaveAttribute('href', `${BASE}cq-1/`);
});

test('the PDFs are stored only when asked', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto(`${BASE}in/`);
	await controlled(page);
	await page.getByLabel(/Lưu cả bản in PDF/).check();
	await page.getByRole('button', { name: /Lưu để dùng khi không có mạng/ }).click();
	await expect(page.locator('gds-offline-save .status')).toContainText('Đã lưu', { timeout: 90_000 });
	const pdfs = (await cachedUrls(page)).filter((u) => u.endsWith('.pdf'));
	expect(pdfs.length).toBe(bundle().pdfs.length);
});

test('with no network, a page that is not stored shows the Vietnamese offline page, which links to what is stored', async ({ page, context }) => {
	await page.goto(BASE);
	await controlled(page);
	await page.goto(`${BASE}xh-2/`); // visited pages are kept too
	await context.setOffline(true);
	await page.goto(`${BASE}kt-5/`);
	await expect(page.locator('h1')).toHaveText('Không có mạng');
	await expect(page.locator('gds-stored-pages').getByRole('link', { name: /SIM chính chủ/ })).toHaveAttribute('href', `${BASE}xh-2/`);
	await page.goto(`${BASE}xh-2/`);
	await expect(page.locator('h1')).not.toHaveText('Không có mạng');
});

test('after a new version is published, an open page offers “Có phiên bản mới — tải lại”', async ({ browser }) => {
	test.setTimeout(90_000);
	// A copy of the site on its own server, so the "new version" touches nothing else.
	const dir = mkdtempSync(join(tmpdir(), 'gds-update-'));
	cpSync(DIST, dir, { recursive: true });
	chmodSync(dir, 0o755); // nginx's workers run as another user
	const port = Number(process.env.GDS_PORT ?? 4399) + 11;
	const server = start({ dist: dir, port });
	try {
		const context = await browser.newContext({ serviceWorkers: 'allow' });
		const page = await context.newPage();
		await expect.poll(async () => (await page.goto(`http://127.0.0.1:${port}${BASE}cq-1/`).catch(() => null))?.status()).toBe(200);
		await controlled(page);
		await expect(page.getByRole('button', { name: 'Có phiên bản mới — tải lại' })).toBeHidden();

		// Publish: the service worker changes, as it does with every rebuild.
		appendFileSync(join(dir, 'sw.js'), '\n// phiên bản mới\n');
		rmSync(join(dir, 'sw.js.br'), { force: true });
		rmSync(join(dir, 'sw.js.gz'), { force: true });
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());

		const prompt = page.getByRole('button', { name: 'Có phiên bản mới — tải lại' });
		await expect(prompt).toBeVisible({ timeout: 20_000 });
		await Promise.all([page.waitForEvent('load'), prompt.click()]);
		await expect(page.getByRole('button', { name: 'Có phiên bản mới — tải lại' })).toBeHidden();
		await context.close();
	} finally {
		server.stop();
		rmSync(dir, { recursive: true, force: true });
	}
});

test('the mobile menu works on phones without the Popover API', async ({ page }) => {
	await page.addInitScript(() => {
		for (const key of ['popover', 'showPopover', 'hidePopover', 'togglePopover']) delete (HTMLElement.prototype as never)[key];
	});
	const w = watch(page);
	await page.goto(`${BASE}cq-2/`);
	const menu = page.locator('#starlight__sidebar');
	await expect(menu).toBeHidden();
	await expect(page.locator('h1')).toBeVisible();
	const button = page.locator('.sl-menu-button');
	await button.click();
	await expect(menu).toBeVisible();
	await expect(button).toHaveAttribute('aria-expanded', 'true');
	await menu.getByRole('link', { name: /KT-6\./ }).click();
	await expect(page).toHaveURL(new RegExp(`${BASE}kt-6/$`));
	await expect(page.locator('#starlight__sidebar')).toBeHidden();
	w.expectClean();
});

test('no page prefetches other pages, whatever the connection', async ({ page }) => {
	const w = watch(page);
	await page.goto(BASE);
	await settled(page);
	const link = page.locator('.criteria a').first();
	const target = new URL((await link.getAttribute('href'))!, page.url()).href;
	const before = w.requests.length;
	// Hover, then press: a prefetch (on hover, or on touch/mouse-down) would ask for the page before
	// the navigation does. The navigation itself is the positive control that ends the wait.
	await link.hover();
	await link.click();
	await expect(page).toHaveURL(target);
	await expect.poll(() => w.requests.slice(before).filter((r) => r.url() === target && r.isNavigationRequest()).length).toBe(1);
	const forTarget = w.requests.slice(before).filter((r) => r.url() === target);
	expect(
		forTarget.map((r) => `${r.resourceType()}${r.isNavigationRequest() ? ' (navigation)' : ''}`),
		'the page was asked for once, by the navigation'
	).toEqual(['document (navigation)']);
	expect(await page.locator('link[rel="prefetch"], script[src*="prefetch"]').count()).toBe(0);
});

test('saved, the tally works with no network though its parts load on use: a household, the grid, the print sheet, the file and the commune report', async ({ page, context }) => {
	test.setTimeout(120_000);
	await page.goto(BASE);
	await controlled(page);
	await page.getByRole('button', { name: /Lưu để dùng khi không có mạng/ }).click();
	await expect(page.locator('gds-offline-save .status')).toContainText('Đã lưu', { timeout: 60_000 });
	await context.setOffline(true);

	// Never opened online: everything the page loads on use comes from the saved copy.
	await page.goto(`${BASE}so-theo-doi/`);
	await tallyTakesInput(page);
	await page.getByLabel(/Tên làng/).fill('Kon Chiêng');
	await page.getByLabel(/Tên làng/).press('Tab');
	await page.getByLabel('Số nhà', { exact: true }).fill('7');
	await page.getByRole('button', { name: 'Thêm hộ' }).click();
	const grid = page.locator('.editor fieldset[data-criterion]');
	await expect(grid.first()).toBeVisible();
	for (const row of await grid.all()) await row.getByText('Đạt', { exact: true }).click();
	await expect(page.locator('.editor [data-left]')).toHaveText('Đã chọn đủ các tiêu chí.');
	await page.getByRole('button', { name: 'Xong, đóng lại' }).click();
	await expect(page.locator('[data-count="cq-1"]')).toHaveText('1 / 1');
	await expect(page.locator('.tally-print .sheet-header')).toBeAttached();
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp sao lưu (CSV)' }).click()]);
	const csv = readFileSync((await download.path())!);
	await expect(page.locator('[data-import-message]')).toContainText('Tải xuống');

	await page.goto(`${BASE}so-theo-doi/tong-hop/`);
	await page.locator('[data-files]').setInputFiles([{ name: download.suggestedFilename(), mimeType: 'text/csv', buffer: csv }]);
	await expect(page.locator('[data-rows] tr')).toHaveCount(1);
	await expect(page.locator('[data-rows] tr').first()).toContainText('Kon Chiêng');
});
