import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE, DIST, builtPages, manifest, settled, watch } from './helpers';

const GROUPS = ['Chính quyền số', 'Kinh tế số', 'Xã hội số'];

test('the home page lists all 21 criteria in their three groups, each linked to its lesson', async ({ page }) => {
	const w = watch(page);
	await page.goto(BASE);
	const criteria = manifest();
	expect(criteria).toHaveLength(21);
	for (const [i, name] of GROUPS.entries()) {
		const section = page.locator('section').filter({ has: page.getByRole('heading', { level: 2, name: new RegExp(name) }) });
		const expected = criteria.filter((c) => c.group === ['chinh-quyen-so', 'kinh-te-so', 'xa-hoi-so'][i]);
		await expect(section.locator('.criteria li')).toHaveCount(expected.length);
		for (const c of expected) await expect(section.getByRole('link', { name: c.title, exact: true })).toHaveAttribute('href', c.url!);
	}
	w.expectClean();
});

test('the menu shows the three groups in the plan’s order', async ({ page }) => {
	await page.goto(`${BASE}cq-1/`);
	await page.getByRole('button', { name: /menu/i }).click();
	const groups = page.locator('#starlight__sidebar details > summary');
	await expect(groups.first()).toBeVisible();
	const labels = (await groups.allInnerTexts()).map((t) => t.trim());
	expect(labels.slice(0, 3)).toEqual(GROUPS);
	await expect(page.locator('#starlight__sidebar').getByRole('link', { name: /CQ-1\./ })).toBeVisible();
});

test('a group page lists its criteria', async ({ page }) => {
	await page.goto(`${BASE}kinh-te-so/`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhóm Kinh tế số');
	await expect(page.locator('.criteria li')).toHaveCount(7);
});

test('cq-1 shows the plan’s wording and its numbered steps', async ({ page }) => {
	await page.goto(`${BASE}cq-1/`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tài khoản định danh điện tử VNeID mức độ 2');
	await expect(page.locator('.criterion-box')).toContainText('Có tài khoản định danh điện tử VNeID mức độ 2.');
	const steps = page.locator('.sl-steps');
	await expect(steps).toHaveCount(2);
	await expect(steps.nth(1).locator('> li')).toHaveCount(9);
	await expect(steps.nth(1).locator('> li').first()).toContainText('CH Play');
	await expect(page.getByRole('heading', { name: 'Tự kiểm tra' })).toBeVisible();
});

for (const query of ['dinh danh', 'định danh']) {
	test(`searching “${query}” finds the VNeID lesson first`, async ({ page }) => {
		const w = watch(page);
		await page.goto(BASE);
		await page.getByRole('button', { name: 'Tìm kiếm' }).click();
		await page.getByLabel(/Gõ điều bà con cần tìm/).fill(query);
		const first = page.locator('gds-search .results li a').first();
		await expect(first).toHaveAttribute('href', `${BASE}cq-1/`);
		await expect(first).toHaveText('Tài khoản định danh điện tử VNeID mức độ 2');
		w.expectClean();
	});
}

test('no search code is loaded before search opens', async ({ page }) => {
	const w = watch(page);
	await page.goto(`${BASE}kt-6/`);
	await settled(page);
	expect(w.requests.map((r) => r.url()).filter((u) => u.includes('pagefind'))).toEqual([]);
	await page.getByRole('button', { name: 'Tìm kiếm' }).click();
	await page.getByLabel(/Gõ điều bà con cần tìm/).fill('tien dien');
	await expect(page.locator('gds-search .results li a').first()).toHaveAttribute('href', `${BASE}kt-6/`);
	expect(w.requests.some((r) => r.url().includes('/pagefind/pagefind.js'))).toBe(true);
});

test('every page loads with no console error and no request leaving the site', async ({ page }) => {
	test.setTimeout(120_000);
	const w = watch(page);
	for (const path of builtPages()) {
		const response = await page.goto(`${BASE}${path}`, { waitUntil: 'load' });
		expect(response?.status(), path).toBe(200);
	}
	w.expectClean();
});

test('no internal link or anchor on any page is broken', async ({ page, request }) => {
	test.setTimeout(180_000);
	const fetched = new Map<string, { status: number; html: string }>();
	const broken: string[] = [];
	for (const path of builtPages()) {
		await page.goto(`${BASE}${path}`);
		const origin = new URL(page.url()).origin;
		const links = await page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
		for (const href of links) {
			const url = new URL(href);
			if (url.origin !== origin) continue;
			if (!fetched.has(url.pathname)) {
				const response = await request.get(url.pathname);
				const html = (response.headers()['content-type'] ?? '').includes('html') ? await response.text() : '';
				fetched.set(url.pathname, { status: response.status(), html });
			}
			const target = fetched.get(url.pathname)!;
			if (target.status !== 200) broken.push(`${path} → ${url.pathname} (${target.status})`);
			const id = decodeURIComponent(url.hash.slice(1));
			if (id && id !== '_top' && !target.html.includes(`id="${id}"`)) broken.push(`${path} → ${url.pathname}#${id} (không có mục này)`);
		}
	}
	expect(broken).toEqual([]);
});

test('a lesson shows the date its facts were checked; a page without such a date shows none (not the build day)', () => {
	const dated = new Set(['an-toan/', ...manifest().flatMap((c) => (c.url ? [new URL(c.url, 'http://x').pathname.replace(BASE, '')] : []))]);
	for (const path of builtPages()) {
		const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
		if (dated.has(path)) expect(html, path).toMatch(/Cập nhật: \d{2}\/\d{2}\/\d{4}/);
		else expect(html, path).not.toContain('Cập nhật:');
	}
});

test('every image has its size set, and those after the first load lazily', () => {
	for (const path of builtPages()) {
		const imgs = [...readFileSync(join(DIST, path, 'index.html'), 'utf8').matchAll(/<img\b[^>]*>/g)].map((m) => m[0]);
		imgs.forEach((img, i) => {
			expect(img, path).toMatch(/\swidth="\d+"/);
			expect(img, path).toMatch(/\sheight="\d+"/);
			if (i > 0) expect(img, path).toMatch(/loading="lazy"/);
		});
	}
});
