import { expect, test } from '@playwright/test';
import { BASE, builtPages, settled, watch } from './helpers';

test('pages come with the security headers and are never cached stale', async ({ request }) => {
	const response = await request.get(`${BASE}cq-1/`);
	const h = response.headers();
	expect(h['content-security-policy']).toMatch(/default-src 'self'/);
	expect(h['content-security-policy']).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
	expect(h['content-security-policy']).not.toMatch(/script-src[^;]*'unsafe-inline'/);
	expect(h['content-security-policy']).toMatch(/frame-ancestors 'none'/);
	expect(h['x-content-type-options']).toBe('nosniff');
	expect(h['referrer-policy']).toBe('same-origin');
	expect(h['permissions-policy']).toContain('camera=()');
	expect(h['cache-control']).toBe('no-cache');
	for (const path of ['sw.js', 'manifest.webmanifest']) expect((await request.get(`${BASE}${path}`)).headers()['cache-control'], path).toBe('no-cache');
	expect((await request.get(`${BASE}manifest.webmanifest`)).headers()['content-type']).toContain('application/manifest+json');
});

test('hashed assets are kept for a year; everything is sent compressed', async ({ request, page }) => {
	await page.goto(`${BASE}cq-1/`);
	const css = await page.locator('link[rel="stylesheet"]').first().getAttribute('href');
	const response = await request.get(css!, { headers: { 'accept-encoding': 'br, gzip' } });
	expect(response.headers()['cache-control']).toContain('max-age=31536000');
	expect(response.headers()['cache-control']).toContain('immutable');
	expect(response.headers()['content-encoding']).toBe('br');
	const html = await request.get(`${BASE}kt-6/`, { headers: { 'accept-encoding': 'gzip' } });
	expect(html.headers()['content-encoding']).toBe('gzip');
});

test('a missing page under the base gets the site’s 404 page', async ({ request }) => {
	const response = await request.get(`${BASE}khong-co-trang-nay/`);
	expect(response.status()).toBe(404);
	expect(await response.text()).toContain('<html lang="vi"');
});

test('the server files written by the build are not served', async ({ request }) => {
	for (const path of ['.htaccess', '.nginx-headers.conf', '_astro/.htaccess']) expect((await request.get(`${BASE}${path}`)).status(), path).toBe(404);
});

test('every page loads through nginx with no CSP violation and no console error', async ({ page }) => {
	test.setTimeout(180_000);
	await page.addInitScript(() => {
		(window as unknown as { __csp: string[] }).__csp = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`)
		);
	});
	const w = watch(page);
	const violations: string[] = [];
	for (const path of builtPages()) {
		await page.goto(`${BASE}${path}`);
		await settled(page, 100);
		for (const v of await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)) violations.push(`${path}: ${v}`);
	}
	// Search too: Pagefind's WebAssembly must be allowed.
	await page.goto(`${BASE}cq-2/`);
	await page.getByRole('button', { name: 'Tìm kiếm' }).click();
	await page.getByLabel(/Gõ điều bà con cần tìm/).fill('dinh danh');
	await expect(page.locator('gds-search .results li').first()).toBeVisible();
	for (const v of await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)) violations.push(`search: ${v}`);
	expect(violations).toEqual([]);
	w.expectClean();
});

test('an address typed without its final slash is sent to the slash, so the page’s relative links stay in the site', async ({ request, page }) => {
	for (const path of ['cq-1', 'an-toan', 'in/phieu-tu-danh-gia', 'so-theo-doi']) {
		const response = await request.get(`${BASE}${path}`, { maxRedirects: 0 });
		expect(response.status(), path).toBe(301);
		expect(new URL(response.headers()['location']!, 'http://x').pathname, path).toBe(`${BASE}${path}/`);
	}
	const response = await request.get(`${BASE}cq-1?fbclid=abc`, { maxRedirects: 0 });
	expect(response.headers()['location'], 'the query is kept').toContain(`${BASE}cq-1/?fbclid=abc`);
	// The link the tester followed: from kt-4 without its slash to kt-1.
	await page.goto(`${BASE}kt-4`);
	await expect(page).toHaveURL(new RegExp(`${BASE}kt-4/$`));
	const link = page.locator('main a[href^="../"]').first();
	const target = new URL((await link.getAttribute('href'))!, page.url()).pathname;
	expect(target.startsWith(BASE), target).toBe(true);
	expect((await request.get(target)).status(), target).toBe(200);
});

test('the precompressed copies are not downloadable as such, and the folder of hashed files is a plain 404 not kept a year', async ({ request }) => {
	for (const path of ['index.html.br', 'index.html.gz', 'cq-1/index.html.gz']) {
		const response = await request.get(`${BASE}${path}`);
		expect(response.status(), path).toBe(404);
		expect(response.headers()['cache-control'], path).toBe('no-cache');
	}
	for (const path of ['_astro/', '_astro', 'pagefind/']) {
		const response = await request.get(`${BASE}${path}`, { maxRedirects: 0 });
		expect(response.headers()['cache-control'] ?? '', path).not.toContain('max-age=31536000');
		expect(response.status(), path).toBeGreaterThanOrEqual(300);
	}
});

test('the Permissions-Policy names only features the browser knows: no warning in the console', async ({ page, request }) => {
	const policy = (await request.get(`${BASE}cq-1/`)).headers()['permissions-policy']!;
	expect(policy).not.toMatch(/bluetooth|interest-cohort/);
	const messages: string[] = [];
	page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
	await page.goto(`${BASE}cq-1/`);
	await settled(page);
	expect(messages.filter((m) => /Permissions-Policy|Feature-Policy|Unrecognized feature/i.test(m))).toEqual([]);
});
