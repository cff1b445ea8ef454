import { expect, test } from '@playwright/test';
import { chmodSync } from 'node:fs';
import { APACHE, startApache } from '../server/apache.mjs';
import { BASE, DIST } from './helpers';

// Many portals run Apache: the .htaccess the build writes must do what the nginx configuration does.
test.describe('the site on Apache, with the .htaccess from the build', () => {
	test.skip(!APACHE, 'Apache is not installed (bash .ci/run installs it)');
	test.describe.configure({ mode: 'serial' });
	const port = Number(process.env.GDS_APACHE_PORT ?? 4397);
	const origin = `http://127.0.0.1:${port}`;
	let server: ReturnType<typeof startApache>;

	test.beforeAll(async ({ request }) => {
		chmodSync(DIST, 0o755);
		server = startApache({ dist: DIST, port });
		await expect.poll(async () => (await request.get(`${origin}${BASE}`).catch(() => null))?.status(), { timeout: 10_000 }).toBe(200);
	});
	test.afterAll(() => server?.stop());

	test('pages carry the same security headers and are not cached stale', async ({ request }) => {
		const h = (await request.get(`${origin}${BASE}cq-1/`)).headers();
		expect(h['content-security-policy']).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
		expect(h['x-content-type-options']).toBe('nosniff');
		expect(h['referrer-policy']).toBe('same-origin');
		expect(h['cache-control']).toBe('no-cache');
	});

	test('precompressed files are sent as such, with the right type', async ({ request }) => {
		const page = await request.get(`${origin}${BASE}kt-6/`, { headers: { 'accept-encoding': 'br' } });
		expect(page.headers()['content-encoding']).toBe('br');
		expect(page.headers()['content-type']).toContain('text/html');
		expect(await page.text()).toContain('<html lang="vi"');
		const sw = await request.get(`${origin}${BASE}sw.js`, { headers: { 'accept-encoding': 'gzip' } });
		expect(sw.headers()['content-encoding']).toBe('gzip');
		expect(sw.headers()['content-type']).toContain('javascript');
	});

	test('missing pages get the 404 page; server files are refused', async ({ request }) => {
		const missing = await request.get(`${origin}${BASE}khong-co/`);
		expect(missing.status()).toBe(404);
		expect(await missing.text()).toContain('<html lang="vi"');
		expect((await request.get(`${origin}${BASE}.htaccess`)).status()).toBe(403);
		expect((await request.get(`${origin}${BASE}.nginx-headers.conf`)).status()).toBe(403);
	});

	test('an address without its final slash gets a 301 to the slash; the precompressed copies are not served as such', async ({ request }) => {
		for (const path of ['cq-1', 'in/phieu-tu-danh-gia']) {
			const response = await request.get(`${origin}${BASE}${path}?fbclid=abc`, { maxRedirects: 0 });
			expect(response.status(), path).toBe(301);
			const location = new URL(response.headers()['location']!, origin);
			expect(location.pathname + location.search, path).toBe(`${BASE}${path}/?fbclid=abc`);
		}
		for (const path of ['index.html.br', 'cq-1/index.html.gz']) expect((await request.get(`${origin}${BASE}${path}`)).status(), path).toBe(404);
		expect((await request.get(`${origin}${BASE}cq-1/`, { headers: { 'accept-encoding': 'br' } })).status()).toBe(200);
	});

	test('a lesson opens in the browser with no CSP violation', async ({ page }) => {
		const violations: string[] = [];
		page.on('console', (m) => m.type() === 'error' && violations.push(m.text()));
		await page.goto(`${origin}${BASE}cq-1/`);
		await expect(page.locator('h1')).toHaveText(/VNeID/);
		expect(violations).toEqual([]);
	});
});
