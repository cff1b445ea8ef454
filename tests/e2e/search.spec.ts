import { expect, test, type Page } from '@playwright/test';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BASE, DIST } from './helpers';

/** What a resident would type for each page: once with Vietnamese marks, once without. */
const QUERIES: Record<string, [string, string]> = {
	'cq-1': ['định danh', 'dinh danh'],
	'cq-2': ['tổ công nghệ số', 'nhom zalo cua to'],
	'cq-3': ['quan tâm Zalo OA', 'zalo oa'],
	'cq-4': ['trang web của tỉnh', 'cong thong tin dien tu'],
	'cq-5': ['nộp hồ sơ', 'dich vu cong'],
	'kt-1': ['tài khoản ngân hàng', 'mo tai khoan ngan hang'],
	'kt-2': ['hóa đơn điện tử', 'hoa don dien tu'],
	'kt-3': ['nhận tiền bằng mã QR', 'khong dung tien mat'],
	'kt-4': ['ví điện tử', 'chuyen khoan'],
	'kt-5': ['mua hàng trực tuyến', 'mua hang online'],
	'kt-6': ['tiền điện', 'tien dien'],
	'kt-7': ['bán nông sản', 'ban hang online'],
	'xh-1': ['điện thoại thông minh', 'dien thoai thong minh'],
	'xh-2': ['SIM chính chủ', 'sim chinh chu'],
	'xh-3': ['Tây Ninh Số', 'ung dung cua tinh'],
	'xh-4': ['bảo hiểm y tế', 'BHYT'],
	'xh-5': ['sâu bệnh', 'nong nghiep'],
	'xh-6': ['phản ánh kiến nghị', 'phan anh kien nghi'],
	'xh-7': ['tìm đường', 'google maps'],
	'xh-8': ['gửi định vị', 'gui vi tri'],
	'xh-9': ['tin giả', 'tin gia'],
	'an-toan': ['lừa đảo', 'lua dao'],
	'tu-dien-so': ['từ điển', 'tu dien so'],
};

async function search(page: Page, query: string): Promise<string[]> {
	const input = page.getByLabel(/Gõ điều bà con cần tìm/);
	await input.fill(query);
	await expect(page.locator('gds-search .status')).toContainText(`“${query}”`);
	return page.locator('gds-search .results li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
}

test('every lesson is found among the first three results, typed with or without marks', async ({ page }) => {
	test.setTimeout(120_000);
	await page.goto(BASE);
	await page.getByRole('button', { name: 'Tìm kiếm' }).click();
	const misses: string[] = [];
	for (const [slug, queries] of Object.entries(QUERIES))
		for (const query of queries) {
			const hrefs = await search(page, query);
			const rank = hrefs.indexOf(`${BASE}${slug}/`);
			if (rank < 0 || rank > 2) misses.push(`“${query}” → ${slug} is ${rank < 0 ? 'missing' : `#${rank + 1}`} (${hrefs.slice(0, 3).join(', ')})`);
		}
	expect(misses).toEqual([]);
});

test('the villagers’ own words rank the right lesson first', async ({ page }) => {
	await page.goto(BASE);
	await page.getByRole('button', { name: 'Tìm kiếm' }).click();
	for (const [query, slug] of [
		['CCCD', 'cq-1'],
		['căn cước', 'cq-1'],
		['BHYT', 'xh-4'],
		['tiền điện', 'kt-6'],
		['chuyển khoản', 'kt-4'],
	])
		expect((await search(page, query))[0], query).toBe(`${BASE}${slug}/`);
});

test('search speaks Vietnamese, also when nothing is found', async ({ page }) => {
	await page.goto(BASE);
	await page.getByRole('button', { name: 'Tìm kiếm' }).click();
	await expect(page.getByRole('dialog', { name: 'Tìm bài học' })).toBeVisible();
	await page.getByLabel(/Gõ điều bà con cần tìm/).fill('zzqqj');
	await expect(page.locator('gds-search .status')).toHaveText(/Không tìm thấy bài nào cho “zzqqj”/);
	await page.getByRole('button', { name: 'Đóng' }).click();
	await expect(page.getByRole('dialog')).toBeHidden();
});

/** The residents' queries of search-queries.yaml: what they type, and the page that answers. */
interface ResidentQuery {
	q: string;
	page: string | string[];
	kind: string;
}
const RESIDENT_QUERIES: ResidentQuery[] = parseYaml(readFileSync(join(import.meta.dirname, 'search-queries.yaml'), 'utf8'));

test('residents’ own queries find the page that answers them among the first three, at least 90% of them', async ({ page }) => {
	test.setTimeout(240_000);
	expect(RESIDENT_QUERIES.length).toBeGreaterThanOrEqual(60);
	await page.goto(BASE);
	await page.getByRole('button', { name: 'Tìm kiếm' }).click();
	const misses: string[] = [];
	for (const { q, page: answer, kind } of RESIDENT_QUERIES) {
		const want = [answer].flat().map((slug) => `${BASE}${slug}/`);
		const hrefs = await search(page, q);
		const rank = hrefs.findIndex((h) => want.includes(h));
		if (rank < 0 || rank > 2) misses.push(`[${kind}] “${q}” → ${[answer].flat().join('|')} ${rank < 0 ? 'missing' : `#${rank + 1}`} (${hrefs.slice(0, 3).map((h) => h.replace(BASE, '')).join(', ')})`);
	}
	const share = (RESIDENT_QUERIES.length - misses.length) / RESIDENT_QUERIES.length;
	console.log(`Resident queries: ${RESIDENT_QUERIES.length - misses.length}/${RESIDENT_QUERIES.length} (${Math.round(share * 100)}%) in the top 3${misses.length ? `; missed:\n  ${misses.join('\n  ')}` : ''}`);
	expect(share, `${Math.round(share * 100)}% in the top 3; missed:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.9);
});

test('a query whose words match no page together still ends on pages, marked “gần đúng”', async ({ page }) => {
	await page.goto(BASE);
	await page.getByRole('button', { name: 'Tìm kiếm' }).click();
	// "xyzzyq" matches nothing: it is left out, and the rest finds the electricity lesson.
	const hrefs = await search(page, 'tiền điện xyzzyq');
	expect(hrefs[0]).toBe(`${BASE}kt-6/`);
	await expect(page.locator('gds-search .status')).toContainText('Gần đúng');
	await expect(page.locator('gds-search .results li').first()).toContainText('gần đúng');
	// Words that each match pages, but no page together: any of them.
	expect((await search(page, 'passcode livestream')).length).toBeGreaterThan(0);
	await expect(page.locator('gds-search .status')).toContainText('Gần đúng');
});

test('nothing found offers the three groups, “Thật hay lừa?” for a scam question, and the village team', async ({ page }) => {
	await page.goto(BASE);
	await page.getByRole('button', { name: 'Tìm kiếm' }).click();
	await search(page, 'zzqqj');
	const more = page.locator('gds-search .more');
	for (const group of ['Chính quyền số', 'Kinh tế số', 'Xã hội số']) await expect(more.getByRole('link', { name: group })).toBeVisible();
	await expect(more.getByRole('link', { name: 'Tài khoản VNeID mức độ 2' })).toHaveAttribute('href', `${BASE}cq-1/`);
	await expect(more.getByRole('link', { name: /cách tìm Tổ/ })).toHaveAttribute('href', `${BASE}cq-2/`);
	const hint = page.locator('gds-search .hint');
	await expect(hint.getByRole('link', { name: 'Thật hay lừa?' })).toHaveCount(0);
	await expect(page.locator('gds-search')).not.toContainText('không có kết quả');
	// A scam question: the practice page is offered, whether or not lessons are found.
	await search(page, 'zzqqj có phải lừa không');
	await expect(hint.getByRole('link', { name: 'Thật hay lừa?' })).toHaveAttribute('href', `${BASE}that-hay-lua/`);
	await search(page, 'xqzj trúng thưởng');
	await expect(hint.getByRole('link', { name: 'Thật hay lừa?' })).toHaveAttribute('href', `${BASE}that-hay-lua/`);
});

/** What a file costs on the wire through gzip: its .gz beside it, or itself (Pagefind's are compressed already). */
function gzipBytes(url: string): number {
	const path = join(DIST, decodeURIComponent(new URL(url).pathname).slice(BASE.length));
	return existsSync(`${path}.gz`) ? statSync(`${path}.gz`).size : statSync(path).size;
}

for (const [how, type] of [
	['typed at once', async (p: Page) => p.getByLabel(/Gõ điều bà con cần tìm/).fill('dinh danh')],
	// Slower than the pause the search waits for: every key runs a search of its own.
	['typed key by key', async (p: Page) => p.getByLabel(/Gõ điều bà con cần tìm/).pressSequentially('dinh danh', { delay: 400 })],
] as const)
	test(`searching “dinh danh” ${how} downloads at most 110 KB through gzip`, async ({ page }) => {
		await page.goto(`${BASE}cq-2/`);
		await page.getByRole('button', { name: 'Tìm kiếm' }).click();
		const urls: string[] = [];
		page.on('requestfinished', (r) => urls.push(r.url().replace(/\?.*$/, '')));
		await type(page);
		await expect(page.locator('gds-search .status')).toContainText('“dinh danh”');
		await expect(page.locator('gds-search .results li a').first()).toHaveAttribute('href', `${BASE}cq-1/`);
		const files = urls.filter((u) => u.includes(BASE) && !u.endsWith('/'));
		const bytes = files.reduce((sum, u) => sum + gzipBytes(u), 0);
		const list = files.map((u) => `${u.slice(u.indexOf(BASE) + BASE.length)} ${gzipBytes(u)}`).join(', ');
		console.log(`“dinh danh” ${how}: ${(bytes / 1024).toFixed(1)} KB through gzip (${list})`);
		expect(new Set(files).size, 'no file is fetched twice').toBe(files.length);
		expect(bytes, `${(bytes / 1024).toFixed(1)} KB: ${list}`).toBeLessThanOrEqual(110 * 1024);
	});

test('the search button says “Tìm” and is at least 48 px each way', async ({ page }) => {
	await page.goto(`${BASE}kt-6/`);
	const button = page.getByRole('button', { name: 'Tìm kiếm' });
	await expect(button).toBeVisible();
	await expect(button).toContainText('Tìm');
	const box = (await button.boundingBox())!;
	expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(48);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('“Tìm” in the header leads to the home page’s list of lessons', async ({ page }) => {
		await page.goto(`${BASE}kt-6/`);
		const link = page.getByRole('link', { name: 'Tìm', exact: true });
		await expect(link).toBeVisible();
		const box = (await link.boundingBox())!;
		expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(48);
		await link.click();
		await expect(page.getByRole('link', { name: 'Tài khoản VNeID mức độ 2' }).first()).toBeInViewport();
	});
});
