import { expect, test } from '@playwright/test';
import { BASE, builtPages, watch } from './helpers';

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
		await page.goto(`${BASE}${path}`, { waitUntil: 'networkidle' });
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
