// A short smoke test of a handbook built for another commune (tests/fixtures/xa-thu/commune.yaml),
// once under its own base path (dist-xa-thu/, /so-tay-thu/) and once at the root of a site of its
// own (dist-root/, BASE_PATH=/). Each Playwright project (playwright.config.ts) serves one build with
// nginx and the location block that build wrote, and names the folder in its metadata.
import { expect, test } from '@playwright/test';
import { chmodSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { builtBase } from '../base.mjs';
import { APACHE, startApache } from '../server/apache.mjs';
import { controlled, tallyTakesInput } from '../e2e/helpers';

const fixture = parseYaml(readFileSync(join(process.cwd(), 'tests/fixtures/xa-thu/commune.yaml'), 'utf8'));
const HOME_NAME = 'Kon Chiêng';

/** The build this project serves, and the base it was built for (read from the build itself). */
function build() {
	const dist = join(process.cwd(), test.info().project.metadata.dist as string);
	return { dist, base: builtBase(dist) };
}

test.use({ serviceWorkers: 'allow' });

test('the built files name this commune and its base, never the first commune or its base', () => {
	const { dist, base } = build();
	expect(base).toBe(test.info().project.metadata.base);
	const wrong: string[] = [];
	for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !/\.(html|js|css|json|webmanifest|xml|txt|conf|htaccess|svg)$|^\.htaccess$|^\.nginx-[\w-]+\.conf$/.test(entry.name)) continue;
		const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
		for (const needle of ['/gia-dinh-so/', HOME_NAME]) if (text.includes(needle)) wrong.push(`${join(entry.parentPath, entry.name).slice(dist.length + 1)}: ${needle}`);
	}
	expect(wrong, 'files that still name Kon Chiêng or /gia-dinh-so/').toEqual([]);
	expect(readFileSync(join(dist, '.nginx-location.conf'), 'utf8')).toContain(`location ${base} {`);
	expect(readFileSync(join(dist, '.htaccess'), 'utf8')).toContain(`ErrorDocument 404 ${base}404.html`);
});

test('home: the commune’s own name in the title and the heading', async ({ page }) => {
	const { base } = build();
	const response = await page.goto(base);
	expect(response?.status()).toBe(200);
	await expect(page).toHaveTitle(new RegExp(fixture.commune.name));
	await expect(page.locator('h1')).toContainText(fixture.commune.name);
	await expect(page.locator('body')).not.toContainText(HOME_NAME);
	const manifest = await (await page.request.get(`${base}manifest.webmanifest`)).json();
	expect(manifest.scope).toBe(base);
	expect(manifest.name).toContain(fixture.commune.name);
});

test('a lesson opens under the base, and its links stay inside the site', async ({ page }) => {
	const { base } = build();
	await page.goto(`${base}cq-1`); // without its slash: the server adds it
	expect(new URL(page.url()).pathname).toBe(`${base}cq-1/`);
	await expect(page.locator('h1')).toContainText('VNeID');
	const hrefs = await page.locator('main a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
	expect(hrefs.length).toBeGreaterThan(0);
	expect(hrefs.filter((h) => !h.startsWith(base))).toEqual([]);
	expect((await page.request.get(`${base}khong-co-trang-nay/`)).status()).toBe(404);
});

test('search: “dinh danh” finds the lesson CQ-1', async ({ page }) => {
	const { base } = build();
	await page.goto(base);
	await page.getByRole('button', { name: 'Tìm kiếm' }).click();
	await page.getByLabel(/Gõ điều bà con cần tìm/).fill('dinh danh');
	await expect(page.locator('gds-search .results li a').first()).toHaveAttribute('href', `${base}cq-1/`);
});

test('offline: the save control stores the pages, and a saved lesson opens with no network', async ({ page, context }) => {
	test.setTimeout(90_000);
	const { base } = build();
	await page.goto(base);
	await controlled(page);
	await page.getByRole('button', { name: /^Lưu để dùng khi không có mạng/ }).click();
	await expect(page.locator('gds-offline-save .status')).toContainText('Đã lưu', { timeout: 60_000 });
	const stored = await page.evaluate(async () => {
		const urls: string[] = [];
		for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
		return urls;
	});
	expect(stored).toContain(`${base}kt-6/`);
	await context.setOffline(true);
	const response = await page.goto(`${base}kt-6/`);
	expect(response?.ok()).toBe(true);
	await expect(page.locator('h1')).not.toHaveText('Không có mạng');
	await expect(page.locator('h1')).toContainText(/KT-6|điện/i);
});

test('on Apache, with the .htaccess this build wrote: pages, the slash, the 404 page, precompressed files', async ({ request }) => {
	test.skip(!APACHE, 'Apache is not installed (bash .ci/run installs it)');
	const { dist, base } = build();
	const port = test.info().project.metadata.apachePort as number;
	const origin = `http://127.0.0.1:${port}`;
	chmodSync(dist, 0o755); // Apache's workers run as another user
	const server = startApache({ dist, port, base });
	try {
		await expect.poll(async () => (await request.get(`${origin}${base}`).catch(() => null))?.status(), { timeout: 10_000 }).toBe(200);
		const lesson = await request.get(`${origin}${base}cq-1/`, { headers: { 'accept-encoding': 'br' } });
		expect(lesson.headers()['content-encoding']).toBe('br');
		expect(await lesson.text()).toContain(fixture.commune.name);
		const noSlash = await request.get(`${origin}${base}cq-1`, { maxRedirects: 0 });
		expect(noSlash.status()).toBe(301);
		expect(new URL(noSlash.headers()['location']!, origin).pathname).toBe(`${base}cq-1/`);
		const missing = await request.get(`${origin}${base}khong-co/`);
		expect(missing.status()).toBe(404);
		expect(await missing.text()).toContain(fixture.commune.name);
		expect((await request.get(`${origin}${base}.htaccess`)).status()).toBe(403);
	} finally {
		server.stop();
	}
});

test('the household page keeps an answer after a reload', async ({ page }) => {
	const { base } = build();
	await page.goto(`${base}gia-dinh-toi/`);
	await page.locator('input[name="cq-1"][value="dat"]').check();
	// Saved once the page's script (loaded after the first paint) has counted it.
	await expect(page.locator('[data-progress="all"]')).toContainText('đạt 1 /');
	await page.reload();
	await expect(page.locator('input[name="cq-1"][value="dat"]')).toBeChecked();
	await expect(page.locator('body')).toContainText(fixture.commune.name);
});

test('the tally picks its village from the commune\'s list, and keeps it', async ({ page }) => {
	const { base } = build();
	await page.goto(`${base}so-theo-doi/`);
	await tallyTakesInput(page);
	const village = page.getByLabel('Làng của Tổ');
	// The commune's villages, not a free text: "Làng Hai" and "Hai" cannot become two villages.
	await expect(village.locator('option')).toHaveText(['— Chọn làng —', ...fixture.villages.map((v: { name: string }) => v.name)]);
	await village.selectOption('Làng Hai');
	await page.getByLabel('Số nhà').fill('12');
	await page.getByRole('button', { name: /Thêm hộ/ }).click();
	await expect(page.locator('body')).toContainText('12');
	await page.reload();
	await expect(page.getByLabel('Làng của Tổ')).toHaveValue('Làng Hai');
});
