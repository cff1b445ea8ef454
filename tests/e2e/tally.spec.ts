import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSiteData } from '../../src/data/load';
import { encodeShortCode } from '../../src/lib/shortcode';
import { parseCsv } from '../../src/lib/csv';
import type { Answers } from '../../src/lib/answers';
import { BASE, watch } from './helpers';

const { criteria } = loadSiteData(process.cwd(), { env: {} });
const IDS = criteria.map((c) => c.id.toUpperCase());
const FIXTURES = join(process.cwd(), 'tests/fixtures/tally');
const TALLY = `${BASE}so-theo-doi/`;
const SUMMARY = `${BASE}so-theo-doi/tong-hop/`;

async function setVillage(page: Page, name: string) {
	await page.getByLabel('Tên làng').fill(name);
	await page.getByLabel('Tên làng').press('Tab');
}

async function addHousehold(page: Page, name: string, houseNumber: string, code = '') {
	const form = page.locator('form[data-add]');
	await form.getByLabel('Tên hoặc nhãn của hộ').fill(name);
	await form.getByLabel('Số nhà').fill(houseNumber);
	await form.getByLabel('Mã ngắn').fill(code);
	await form.getByRole('button', { name: 'Thêm hộ' }).click();
}

/** Taps one answer per criterion in the open household. */
async function answerAll(page: Page, pick: (id: string) => 'Đạt' | 'Chưa đạt' | 'Không áp dụng') {
	for (const c of criteria) await page.locator(`.editor fieldset[data-criterion="${c.id}"]`).getByText(pick(c.id), { exact: true }).click();
}

function pdfText(pdf: Buffer): string {
	const dir = mkdtempSync(join(tmpdir(), 'gds-tally-pdf-'));
	writeFileSync(join(dir, 'x.pdf'), pdf);
	return execFileSync('pdftotext', ['-layout', join(dir, 'x.pdf'), '-'], { encoding: 'utf8' });
}

/** Landscape when the page is wider than tall: A4 is 842 × 595 points. */
function isLandscape(pdf: Buffer): boolean {
	const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
	return Boolean(box && Number(box[1]) > Number(box[2]));
}

test('a team leader records three households, one by short code, and exports them as CSV for Excel', async ({ page }) => {
	const watcher = watch(page);
	await page.goto(TALLY);
	await expect(page.getByText('Sổ chỉ lưu trên máy này.')).toBeVisible();
	await expect(page.getByText('Xã chưa điền tên các làng vào trang này')).toBeVisible();
	await setVillage(page, 'Kon Chiêng');

	await addHousehold(page, 'Đinh Văn Hùng', '12');
	await answerAll(page, (id) => (id === 'kt-2' || id === 'kt-3' ? 'Không áp dụng' : 'Đạt'));
	await page.getByRole('button', { name: 'Xong, đóng lại' }).click();

	await addHousehold(page, 'Nhà "bà Ly", con gái', '');
	await answerAll(page, (id) => (id.startsWith('cq') ? 'Đạt' : 'Chưa đạt'));
	await page.getByRole('button', { name: 'Xong, đóng lại' }).click();

	const coded: Answers = Object.fromEntries(criteria.map((c) => [c.id, c.appliesTo === 'business' ? 'khong-ap-dung' : c.id === 'xh-9' ? 'chua-dat' : 'dat']));
	await addHousehold(page, 'Y Sao', '7/2', encodeShortCode(criteria, coded));
	await expect(page.locator('[data-add-message]')).toHaveText('Đã thêm hộ “Y Sao” (số nhà 7/2) và điền 21 tiêu chí theo mã.');
	await expect(page.locator('form[data-add]').getByLabel('Tên hoặc nhãn của hộ')).toBeFocused();
	await page.getByRole('button', { name: /^Y Sao/ }).click();
	await expect(page.locator('.editor fieldset[data-criterion="xh-9"] input[value="chua-dat"]')).toBeChecked();
	await expect(page.locator('.editor fieldset[data-criterion="kt-2"] input[value="khong-ap-dung"]')).toBeChecked();

	const items = page.locator('[data-households] > li');
	await expect(items).toHaveCount(3);
	await expect(items.nth(0)).toContainText('Gia đình số ✓');
	await expect(items.nth(2)).toContainText('Đạt 18/19 tiêu chí');
	await expect(page.locator('[data-sum=overall-share]')).toHaveText('33,3%');
	await expect(page.locator('[data-sum=goal]')).toContainText('Cần thêm 2 hộ');
	await expect(page.locator('[data-share="xh-9"]')).toHaveText('33,3%');
	await expect(page.locator('[data-count="kt-2"]')).toHaveText('0 / 1');

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp sao lưu (CSV)' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^so-theo-doi-kon-chieng-\d{4}-\d\d-\d\d\.csv$/);
	const bytes = readFileSync(await download.path());
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const rows = parseCsv(bytes.toString('utf8'));
	expect(rows[0]).toEqual(['Làng', 'Hộ gia đình', 'Số nhà', ...IDS]);
	expect(rows.slice(1).map((r) => r.slice(0, 4))).toEqual([
		['Kon Chiêng', 'Đinh Văn Hùng', '12', 'đạt'],
		['Kon Chiêng', 'Nhà "bà Ly", con gái', '', 'đạt'],
		['Kon Chiêng', 'Y Sao', '7/2', 'đạt'],
	]);
	expect(rows[1]![IDS.indexOf('KT-2') + 3]).toBe('không áp dụng');
	expect(rows[2]![IDS.indexOf('XH-1') + 3]).toBe('chưa đạt');
	await expect(page.locator('[data-backup-status]')).toContainText('Lần sao lưu gần nhất');

	// Still there after closing and opening the page.
	await page.reload();
	await expect(items).toHaveCount(3);
	await expect(page.getByLabel('Tên làng')).toHaveValue('Kon Chiêng');
	watcher.expectClean();
});

test('a wrong short code changes nothing and says why; the right one fills a recorded household', async ({ page }) => {
	const watcher = watch(page);
	await page.goto(TALLY);
	await addHousehold(page, 'Y Sao', '5', 'ABC-DEF2');
	await expect(page.locator('[data-add-message]')).toContainText('Chưa thêm hộ');
	await expect(page.locator('[data-households] > li')).toHaveCount(0);

	await addHousehold(page, 'Y Sao', '5');
	await page.locator('.editor fieldset[data-criterion="cq-1"]').getByText('Đạt', { exact: true }).click();
	const code = page.locator('.editor').getByLabel('Mã ngắn của hộ');
	await code.fill('2345-6789');
	await page.getByRole('button', { name: 'Điền theo mã' }).click();
	await expect(page.locator('[data-editor-message]')).toContainText('Câu trả lời của hộ giữ nguyên.');
	await expect(page.locator('.editor input[name="tra-loi-cq-1"][value="dat"]')).toBeChecked();

	const none: Answers = Object.fromEntries(criteria.map((c) => [c.id, c.appliesTo === 'business' ? 'khong-ap-dung' : 'chua-dat']));
	await code.fill(encodeShortCode(criteria, none).toLowerCase());
	await code.press('Enter');
	await expect(page.locator('[data-editor-message]')).toHaveText('Đã điền 21 tiêu chí theo mã.');
	await expect(page.locator('.editor input[name="tra-loi-cq-1"][value="chua-dat"]')).toBeChecked();
	await expect(page.locator('[data-households] > li').first()).toContainText('Đạt 0/19 tiêu chí');
	watcher.expectClean();
});

test('the printed tally is an A4 landscape sheet with a row per household', async ({ page }) => {
	const watcher = watch(page);
	await page.goto(TALLY);
	await page.locator('[data-import]').setInputFiles(join(FIXTURES, 'lang-kon-chieng.csv'));
	await expect(page.locator('[data-import-message]')).toContainText('Đã nạp 4 hộ của làng “Kon Chiêng”');
	const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
	expect(isLandscape(pdf)).toBe(true);
	const text = pdfText(pdf);
	for (const name of ['Đinh Văn Hùng', 'Nhà "bà Ly", con gái', 'Y Bư nhà sau suối', 'Đinh Thị Hoa']) expect(text).toContain(name);
	expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
	expect(text).toContain('Kon Chiêng');
	expect(text).not.toContain('Tải tệp sao lưu');
	watcher.expectClean();
});

test('the commune office adds up two villages, flags a household in both, prints and exports', async ({ page }) => {
	const watcher = watch(page);
	await page.goto(SUMMARY);
	await page.locator('[data-files]').setInputFiles([join(FIXTURES, 'lang-kon-chieng.csv'), join(FIXTURES, 'lang-de-ar.csv')]);
	await expect(page.locator('[data-load-message]')).toHaveText('Đã thêm 2 tệp.');
	const rows = page.locator('[data-rows] tr');
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(0).locator('th')).toHaveText('Đê Ar');
	await expect(rows.nth(0).locator('td').nth(0)).toHaveText('3');
	await expect(page.locator('[data-total] tr')).toContainText('Toàn xã');
	await expect(page.locator('[data-total] td').nth(0)).toHaveText('7');
	await expect(page.locator('[data-duplicates] li')).toHaveText([
		'Hộ “Đinh Văn Hùng” (số nhà 12): lang-kon-chieng.csv dòng 2 (làng Kon Chiêng); lang-de-ar.csv dòng 3 (làng Đê Ar).',
	]);
	await expect(page.getByText('ở hai tệp khác nhau')).toBeVisible();

	const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
	expect(isLandscape(pdf)).toBe(true);
	const text = pdfText(pdf);
	for (const village of ['Đê Ar', 'Kon Chiêng', 'Toàn xã']) expect(text).toContain(village);
	expect(text).toContain('Đinh Văn Hùng');

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải bảng tổng hợp (CSV)' }).click()]);
	const csv = parseCsv(readFileSync(await download.path(), 'utf8'));
	expect(csv.map((r) => r[0])).toEqual(['Làng', 'Đê Ar', 'Kon Chiêng', 'Toàn xã']);
	expect(csv[3]!.slice(1, 3)).toEqual(['7', '4']);

	await page.getByRole('button', { name: 'Bỏ tệp lang-de-ar.csv' }).click();
	await expect(rows).toHaveCount(1);
	await expect(page.locator('[data-total] td').nth(0)).toHaveText('4');
	await expect(page.locator('[data-duplicates-section]')).toBeHidden();
	watcher.expectClean();
});

test('bad files are refused with the file, row and column, and the tally on the phone stays as it was', async ({ page }) => {
	const watcher = watch(page);
	await page.goto(TALLY);
	await setVillage(page, 'Đê Ar');
	await addHousehold(page, 'Y Sao', '5');
	const saved = await page.evaluate(() => localStorage.getItem('gia-dinh-so:so-theo-doi'));
	const message = page.locator('[data-import-message]');
	const picker = page.locator('[data-import]');
	const header = ['Làng', 'Hộ gia đình', 'Số nhà', ...IDS].join(',');
	const good = (name: string, i: number) => ['Kon Chiêng', name, String(i), ...IDS.map(() => 'đạt')].join(',');
	const file = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

	await picker.setInputFiles(join(FIXTURES, 'sai-ma-hoa.csv'));
	await expect(message).toContainText('Tệp sai-ma-hoa.csv, dòng 1, cột A');
	await expect(message).toContainText('CSV UTF-8');

	await picker.setInputFiles(file('thieu-cot.csv', `Làng,Hộ gia đình,${IDS.join(',')}\r\nKon Chiêng,A,${IDS.map(() => 'đạt').join(',')}\r\n`));
	await expect(message).toContainText('Tệp thieu-cot.csv, dòng 1, cột Số nhà: thiếu cột “Số nhà”');

	await picker.setInputFiles(file('la.csv', `${header},CQ-9\r\n${good('A', 1)},đạt\r\n`));
	await expect(message).toContainText('Tệp la.csv, dòng 1, cột CQ-9 (cột Y): không có tiêu chí “CQ-9”');

	await picker.setInputFiles(file('trung.csv', `${header}\r\n${good('A', 1)}\r\n${good('B', 2)}\r\n${good('a', 1)}\r\n`));
	await expect(message).toContainText('Tệp trung.csv, dòng 4, cột Hộ gia đình (cột B): hộ “a” (số nhà 1) của làng “Kon Chiêng” đã có ở dòng 2');

	await picker.setInputFiles(file('gia-tri.csv', `${header}\r\n${good('A', 1).replace(/đạt$/, 'rồi')}\r\n`));
	await expect(message).toContainText('Tệp gia-tri.csv, dòng 2, cột XH-9 (cột X): “rồi” không phải');

	await picker.setInputFiles(file('ma.csv', `Làng,Hộ gia đình,Số nhà,Mã ngắn\r\nKon Chiêng,A,1,ABCD\r\n`));
	await expect(message).toContainText('Tệp ma.csv, dòng 2, cột Mã ngắn (cột D): mã ngắn “ABCD” không dùng được');

	await picker.setInputFiles(file('trong.csv', ''));
	await expect(message).toContainText('Tệp trong.csv, dòng 1: tệp trống');

	const big = [header, ...Array.from({ length: 10_000 }, (_, i) => good(`Hộ ${i}`, i))].join('\r\n');
	await picker.setInputFiles(file('10000-dong.csv', big));
	await expect(message).toContainText('Tệp 10000-dong.csv, dòng 2002: tệp có hơn 2.000 hộ');

	await expect(message).toContainText('Sổ trên máy giữ nguyên');
	await expect(page.locator('[data-households] > li')).toHaveCount(1);
	expect(await page.evaluate(() => localStorage.getItem('gia-dinh-so:so-theo-doi'))).toBe(saved);

	// The commune page: a bad file beside a good one leaves the good one counted.
	await page.goto(SUMMARY);
	await page.locator('[data-files]').setInputFiles([join(FIXTURES, 'lang-de-ar.csv'), join(FIXTURES, 'sai-ma-hoa.csv')]);
	await expect(page.locator('[data-load-message]')).toContainText('Đã thêm 1 tệp');
	await expect(page.locator('[data-load-message]')).toContainText('Tệp sai-ma-hoa.csv, dòng 1, cột A');
	await expect(page.locator('[data-rows] tr')).toHaveCount(1);
	watcher.expectClean();
});

test('importing over a tally asks first, and keeping it changes nothing', async ({ page }) => {
	const watcher = watch(page);
	await page.goto(TALLY);
	await setVillage(page, 'Đê Ar');
	await addHousehold(page, 'Y Sao', '5');
	await page.locator('[data-import]').setInputFiles(join(FIXTURES, 'lang-kon-chieng.csv'));
	await expect(page.locator('[data-import-question]')).toContainText('Thay toàn bộ 1 hộ của làng “Đê Ar”');
	await page.getByRole('button', { name: 'Giữ sổ đang có' }).click();
	await expect(page.locator('[data-households] > li')).toHaveCount(1);
	await page.locator('[data-import]').setInputFiles(join(FIXTURES, 'lang-kon-chieng.csv'));
	await page.getByRole('button', { name: 'Thay bằng tệp' }).click();
	await expect(page.locator('[data-households] > li')).toHaveCount(4);
	await expect(page.getByLabel('Tên làng')).toHaveValue('Kon Chiêng');
	watcher.expectClean();
});

test('nothing about a household leaves the device, and the tally works with the network off', async ({ page, context }) => {
	const watcher = watch(page);
	await page.goto(TALLY);
	// Once the page (and the browser's own favicon request) has loaded, the network goes.
	await page.waitForLoadState('networkidle');
	await context.setOffline(true);
	await setVillage(page, 'Làng Bí Mật');
	await addHousehold(page, 'Hộ Riêng Tư Xyz', '99');
	await answerAll(page, () => 'Đạt');
	await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp sao lưu (CSV)' }).click()]);
	await page.locator('[data-import]').setInputFiles(join(FIXTURES, 'lang-de-ar.csv'));
	await page.getByRole('button', { name: 'Thay bằng tệp' }).click();
	await expect(page.locator('[data-households] > li')).toHaveCount(3);
	await context.setOffline(false);
	await page.goto(SUMMARY);
	await page.locator('[data-files]').setInputFiles([join(FIXTURES, 'lang-kon-chieng.csv')]);
	await expect(page.locator('[data-rows] tr')).toHaveCount(1);

	const secrets = ['Riêng Tư', 'Rieng Tu', 'Xyz', 'Bí Mật', 'Y Sao', 'Đinh Văn Hùng', 'bà Ly'];
	for (const request of watcher.requests) {
		const url = new URL(request.url());
		if (url.protocol !== 'blob:' && url.protocol !== 'data:') expect(url.hostname, request.url()).toBe('127.0.0.1');
		expect(request.method(), request.url()).toBe('GET');
		const sent = decodeURIComponent(request.url()) + (request.postData() ?? '');
		for (const secret of secrets) expect(sent, request.url()).not.toContain(secret);
	}
	watcher.expectClean();
});

test('both pages pass the accessibility checks, with a household open and a table loaded', async ({ page }) => {
	await page.goto(TALLY);
	await setVillage(page, 'Kon Chiêng');
	await addHousehold(page, 'Đinh Văn Hùng', '12');
	const tally = await new AxeBuilder({ page }).include('gds-tally').analyze();
	expect(tally.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
	await page.goto(SUMMARY);
	await page.locator('[data-files]').setInputFiles([join(FIXTURES, 'lang-kon-chieng.csv'), join(FIXTURES, 'lang-de-ar.csv')]);
	await expect(page.locator('[data-rows] tr')).toHaveCount(2);
	const summary = await new AxeBuilder({ page }).include('gds-tong-hop').analyze();
	expect(summary.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
