/**
 * The tester's sequence (reliability review 2026-11-30, F1), against nginx with the shipped
 * configuration: version 1 is saved and used, version 2 (other CSS, JS and text) is published the
 * way the administrator does (old files deleted), the update is accepted, the browser's HTTP cache
 * is cleared, the network goes. Every saved page must still be whole.
 *
 * Version 2 is a real `PDF=0` build of a copy of this tree with three small changes, made once for
 * the file into a temporary folder.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { BASE, DIST, controlled } from './helpers';
import { start } from '../server/nginx.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const PORT = Number(process.env.GDS_UPDATE_PORT ?? Number(process.env.GDS_PORT ?? 4399) + 10);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const V2_TEXT = 'Đoạn này chỉ có trong bản thứ hai.';

test.describe.configure({ mode: 'serial' });
test.use({ serviceWorkers: 'allow', baseURL: ORIGIN });

let work: string;
let v2: string;
let served: string;
let server: ReturnType<typeof start>;
const copies: string[] = [];

/** Builds a copy of this tree, changed in its stylesheet, its every-page script and a lesson's text. */
function buildV2(into: string): string {
	// The copy sits inside this tree, so that it finds node_modules as it is (a symlink confuses Vite).
	const copy = mkdtempSync(join(ROOT, '.v2-build-'));
	copies.push(copy);
	const skip = new Set(['node_modules', 'dist', '.git', '.astro', 'test-results', '.bench']);
	for (const entry of readdirSync(ROOT))
		if (!skip.has(entry) && !entry.startsWith('.v2-build-')) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
	// The build drops custom properties that nothing reads (css-trim.ts): a rule reads this one.
	appendFileSync(join(copy, 'src/styles/site.css'), '\n:root { --gds-build: v2; }\nhtml { quotes: var(--gds-build, auto); }\n');
	appendFileSync(join(copy, 'src/elements/site.ts'), "\ndocument.documentElement.dataset.build = 'v2';\n");
	appendFileSync(join(copy, 'content/docs/cq-2.mdx'), `\n${V2_TEXT}\n`);
	const out = join(into, 'v2');
	const result = spawnSync(process.execPath, [join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs'), 'build', '--outDir', out], {
		cwd: copy,
		env: { ...process.env, PDF: '0', ASTRO_TELEMETRY_DISABLED: '1' },
		encoding: 'utf8',
	});
	if (result.status !== 0) throw new Error(`Bản thứ hai không xây được:\n${result.stdout}\n${result.stderr}`);
	return out;
}

/** Publishes like `rsync --delete`: the served folder ends up holding exactly `from`. */
function publish(from: string) {
	for (const entry of readdirSync(served)) rmSync(join(served, entry), { recursive: true, force: true });
	cpSync(from, served, { recursive: true });
}

test.beforeAll(async () => {
	test.setTimeout(240_000);
	work = mkdtempSync(join(tmpdir(), 'gds-v2-'));
	chmodSync(work, 0o755); // nginx's workers run as another user
	v2 = buildV2(work);
	served = join(work, 'www');
	cpSync(DIST, served, { recursive: true });
	server = start({ dist: served, port: PORT });
});
test.afterAll(() => {
	server?.stop();
	if (work) rmSync(work, { recursive: true, force: true });
	for (const copy of copies) rmSync(copy, { recursive: true, force: true });
});

const bundleOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'offline.json'), 'utf8')) as { version: string };

/** The stored-copy record the service worker keeps (src/lib/offline-shared.ts). */
const storedState = (page: Page) =>
	page.evaluate(async () => {
		const response = await (await caches.open('gds-meta')).match('/__gds/offline-state.json');
		return response ? ((await response.json()) as { version: string; failed?: { reason: string } }) : null;
	});

/** Version 1 saved with "Lưu", three answers given on "Gia đình tôi". */
async function saveV1(page: Page) {
	publish(DIST);
	await expect.poll(async () => (await page.goto(BASE).catch(() => null))?.status()).toBe(200);
	await controlled(page);
	await page.getByRole('button', { name: /Lưu để dùng khi không có mạng/ }).click();
	await expect(page.locator('gds-offline-save .status')).toContainText('Đã lưu', { timeout: 60_000 });
	await page.goto(`${BASE}gia-dinh-toi/`);
	for (const [id, state] of [['cq-1', 'dat'], ['kt-2', 'khong-ap-dung'], ['xh-3', 'chua-dat']] as const)
		await page.locator(`input[name="${id}"][value="${state}"]`).check();
	await expect(page.locator('[data-progress="all"]')).toHaveText('đạt 1 / 20 tiêu chí áp dụng');
}

/**
 * Opens the site online after the new version is published, accepts "Có phiên bản mới", and waits
 * until the new version is fully active (what it does for the stored pages is done by then).
 */
async function acceptUpdate(page: Page) {
	await page.goto(`${BASE}cq-1/`);
	const prompt = page.getByRole('button', { name: 'Có phiên bản mới — tải lại' });
	await expect(prompt).toBeVisible({ timeout: 90_000 });
	await Promise.all([page.waitForEvent('load'), prompt.click()]);
	await controlled(page);
	await page.evaluate(async () => {
		const active = (await navigator.serviceWorker.ready).active!;
		if (active.state !== 'activated')
			await new Promise((resolve) => active.addEventListener('statechange', () => active.state === 'activated' && resolve(null)));
	});
}

/** Version 2 is published with one lesson (kt-5) missing, and accepted: its refresh of the stored pages fails. */
async function updateWithLessonMissing(page: Page) {
	publish(v2);
	rmSync(join(served, 'kt-5'), { recursive: true, force: true });
	await acceptUpdate(page);
}

async function clearHttpCacheAndGoOffline(page: Page, context: BrowserContext) {
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.clearBrowserCache');
	await context.setOffline(true);
}

/** What a person sees: the page styled (Starlight's rules, not 2), its scripts running. */
async function expectWhole(page: Page, url: string, build: 'v1' | 'v2') {
	const response = await page.goto(url);
	expect(response?.ok(), url).toBe(true);
	await expect(page.locator('h1'), url).not.toHaveText('Không có mạng');
	const rules = await page.evaluate(() => {
		const count = (list: CSSRuleList): number => [...list].reduce((n, r) => n + 1 + ('cssRules' in r ? count((r as CSSGroupingRule).cssRules) : 0), 0);
		// A stylesheet that failed to load has no readable rules: it counts 0.
		const rulesOf = (s: CSSStyleSheet) => {
			try {
				return count(s.cssRules);
			} catch {
				return 0;
			}
		};
		return [...document.styleSheets].reduce((n, s) => n + rulesOf(s), 0);
	});
	expect(rules, `${url}: số quy tắc CSS`).toBeGreaterThan(200);
	await expect.poll(() => page.evaluate(() => !!customElements.get('gds-offline')), { message: `${url}: script chạy` }).toBe(true);
	// Never a mix: the page's own stylesheet and script are those of its version.
	const marks = await page.evaluate(() => ({
		css: getComputedStyle(document.documentElement).getPropertyValue('--gds-build').trim(),
		js: document.documentElement.dataset.build ?? '',
	}));
	expect(marks, url).toEqual(build === 'v2' ? { css: 'v2', js: 'v2' } : { css: '', js: '' });
}

test('after an update, with the HTTP cache cleared and no network, saved pages are whole, with the answers and the tally', async ({ page, context }) => {
	test.setTimeout(240_000);
	await saveV1(page);
	publish(v2);
	await acceptUpdate(page);
	// No second "Lưu": the new version refreshes the stored pages on its own.
	await clearHttpCacheAndGoOffline(page, context);

	for (const lesson of ['cq-1/', 'kt-3/', 'an-toan/']) await expectWhole(page, `${BASE}${lesson}`, 'v2');
	await expectWhole(page, `${BASE}cq-2/`, 'v2');
	await expect(page.getByText(V2_TEXT)).toBeVisible();

	await expectWhole(page, `${BASE}gia-dinh-toi/`, 'v2');
	await expect(page.locator('input[name="cq-1"][value="dat"]')).toBeChecked();
	await expect(page.locator('input[name="kt-2"][value="khong-ap-dung"]')).toBeChecked();
	await expect(page.locator('input[name="xh-3"][value="chua-dat"]')).toBeChecked();
	await expect(page.locator('[data-progress="all"]')).toHaveText('đạt 1 / 20 tiêu chí áp dụng');

	await expectWhole(page, `${BASE}so-theo-doi/`, 'v2');
	await expect(page.getByText('Sổ theo dõi cần trình duyệt chạy JavaScript')).toBeHidden();
	await expect(page.getByLabel('Tên làng')).toBeVisible();
	// Nothing to tell the household: the refresh went well.
	await expect(page.locator('gds-offline .note')).toBeHidden();
});

test('a refresh that cannot finish (a file missing on the server) keeps the old copy whole and says so in Vietnamese', async ({ page, context }) => {
	test.setTimeout(180_000);
	await saveV1(page);
	await updateWithLessonMissing(page);
	await page.reload();
	await expect(page.locator('gds-offline .note')).toContainText('Chưa cập nhật được các trang đã lưu');
	await clearHttpCacheAndGoOffline(page, context);

	// The stored copy is still version 1, whole, and every page of it says why it was not refreshed.
	await expectWhole(page, `${BASE}cq-2/`, 'v1');
	await expect(page.getByText(V2_TEXT)).toHaveCount(0);
	await expectWhole(page, `${BASE}kt-5/`, 'v1');
	await expectWhole(page, `${BASE}gia-dinh-toi/`, 'v1');
	await expect(page.locator('input[name="cq-1"][value="dat"]')).toBeChecked();
	const note = page.locator('gds-offline .note');
	await expect(note).toBeVisible();
	await expect(note).toContainText('Chưa cập nhật được các trang đã lưu');
	await expect(note).toContainText('Các trang cũ vẫn mở được khi không có mạng');

	// Online again with the file back: refreshed without a tap, and the notice goes.
	cpSync(join(v2, 'kt-5'), join(served, 'kt-5'), { recursive: true });
	await context.setOffline(false);
	await page.goto(`${BASE}cq-1/`);
	await expect.poll(async () => (await storedState(page))?.version, { timeout: 60_000 }).toBe(bundleOf(v2).version);
	await expect(note).toBeHidden();
	await context.setOffline(true);
	await expectWhole(page, `${BASE}cq-2/`, 'v2');
	await expect(page.getByText(V2_TEXT)).toBeVisible();
});

test('a page that opens online while an earlier try is still running gets its own try: the stored pages are refreshed', async ({ page, context }) => {
	test.setTimeout(180_000);
	await saveV1(page);
	await updateWithLessonMissing(page);
	// The service worker's first retry is held at its check of the missing file…
	let release: (() => Promise<void>) | undefined;
	const held = new Promise<void>((resolve) =>
		context.route(`${ORIGIN}${BASE}kt-5/`, async (route) => {
			if (route.request().method() !== 'HEAD' || release) return route.fallback();
			release = () => route.fulfill({ status: 404 });
			resolve();
		})
	);
	await page.reload();
	await held;
	// …while the file comes back and the household opens another page, which asks again.
	cpSync(join(v2, 'kt-5'), join(served, 'kt-5'), { recursive: true });
	await page.goto(`${BASE}cq-1/`);
	const note = page.locator('gds-offline .note');
	await expect(note).toContainText('kt-5');
	// The page asked right after showing the note; the message reaches the worker within a moment.
	await page.waitForTimeout(500);
	// The first try ends as it began (the file was missing); the page's request is not lost with it.
	await release!();
	await expect.poll(async () => (await storedState(page))?.version, { timeout: 60_000 }).toBe(bundleOf(v2).version);
	await page.reload();
	await expect(note).toBeHidden();
});
