import { expect, test, type Page } from '@playwright/test';
import { BASE } from './helpers';

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
