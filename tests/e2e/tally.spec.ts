import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSiteData } from '../../src/data/load';
import { encodeShortCode } from '../../src/lib/shortcode';
import { parseCsv } from '../../src/lib/csv';
import { tallyToCsv } from '../../src/lib/tally-csv';
import type { Answers } from '../../src/lib/answers';
import { BASE, settled, tallyTakesInput, watch } from './helpers';

const { criteria } = loadSiteData(process.cwd(), { env: {} });
const IDS = criteria.map((c) => c.id.toUpperCase());
const FIXTURES = join(process.cwd(), 'tests/fixtures/tally');
const TALLY = `${BASE}so-theo-doi/`;
const SUMMARY = `${BASE}so-theo-doi/tong-hop/`;
const KEY = 'gia-dinh-so:so-theo-doi';
const all = (state: Answers[string]): Answers => Object.fromEntries(criteria.map((c) => [c.id, state]));

/** Opens Sổ theo dõi and waits until it takes input. */
async function openTally(page: Page) {
	await page.goto(TALLY);
	await tallyTakesInput(page);
}

async function setVillage(page: Page, name: string) {
	await page.getByLabel('Tên làng').fill(name);
	await page.getByLabel('Tên làng').press('Tab');
}

/** Adds a household by its house number (and, optionally, code and name) from the form at the top. */
async function addHousehold(page: Page, houseNumber: string, name = '', code = '') {
	const form = page.locator('form[data-add]');
	await form.getByLabel('Số nhà').fill(houseNumber);
	await form.getByLabel('Mã ngắn').fill(code);
	await form.getByLabel('Tên hộ').fill(name);
	await form.getByRole('button', { name: 'Thêm hộ' }).click();
}

const row = (page: Page, id: string) => page.locator(`.editor fieldset[data-criterion="${id}"]`);

/** Taps one answer per criterion in the open household. */
async function answerAll(page: Page, pick: (id: string) => 'Đạt' | 'Chưa đạt' | 'Không áp dụng') {
	for (const c of criteria) await row(page, c.id).getByText(pick(c.id), { exact: true }).click();
}

/** A village's file as the tally exports it, exported at a given time. */
function villageCsv(village: string, households: [string, string, Answers][], exportedAt: Date) {
	const text = tallyToCsv(
		criteria,
		village,
		households.map(([name, houseNumber, answers], i) => ({ id: String(i), name, houseNumber, answers })),
		exportedAt
	);
	return Buffer.from(text);
}
const csvFile = (name: string, buffer: Buffer) => ({ name, mimeType: 'text/csv', buffer });

function pdfText(pdf: Buffer): string {
	const dir = mkdtempSync(join(tmpdir(), 'gds-tally-pdf-'));
	writeFileSync(join(dir, 'x.pdf'), pdf);
	return execFileSync('pdftotext', ['-layout', join(dir, 'x.pdf'), '-'], { encoding: 'utf8' });
}

/** The page size in points: A4 is 595 × 842. */
function pageSize(pdf: Buffer): [number, number] {
	const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'))!;
	return [Math.round(Number(box[1])), Math.round(Number(box[2]))];
}
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)!.length;

test('a team leader records households by house number, one by short code, and exports them as CSV for Excel', async ({ page }) => {
	const watcher = watch(page);
	await openTally(page);
	await expect(page.getByText('Sổ chỉ lưu trên máy này.')).toBeVisible();
	await expect(page.locator('form[data-add]').getByText('(không bắt buộc)')).toBeVisible();
	await setVillage(page, 'Kon Chiêng');

	await addHousehold(page, '12', 'Đinh Văn Hùng');
	await answerAll(page, (id) => (id === 'kt-2' || id === 'kt-3' ? 'Không áp dụng' : 'Đạt'));
	await page.getByRole('button', { name: 'Xong, đóng lại' }).click();

	// The name is optional: a house number is enough.
	await addHousehold(page, '3');
	await answerAll(page, (id) => (id.startsWith('cq') ? 'Đạt' : 'Chưa đạt'));
	await page.getByRole('button', { name: 'Xong, đóng lại' }).click();

	const coded: Answers = Object.fromEntries(criteria.map((c) => [c.id, c.appliesTo === 'business' ? 'khong-ap-dung' : c.id === 'xh-9' ? 'chua-dat' : 'dat']));
	await addHousehold(page, '7/2', 'Y Sao', encodeShortCode(criteria, coded));
	await expect(page.locator('[data-add-message]')).toHaveText('Đã thêm hộ “Y Sao” (số nhà 7/2) và điền 21 tiêu chí theo mã.');
	await expect(page.locator('form[data-add]').getByLabel('Số nhà')).toBeFocused();

	const items = page.locator('[data-households] > li');
	await expect(items).toHaveCount(3);
	await expect(items.nth(0)).toContainText('Gia đình số ✓');
	await expect(items.nth(1)).toContainText('Số nhà 3');
	await expect(items.nth(2)).toContainText('Đạt 18/19 tiêu chí');
	await expect(page.locator('[data-sum=overall-share]')).toHaveText('33,3%');
	await expect(page.locator('[data-sum=goal]')).toContainText('Cần thêm 2 hộ');
	await expect(page.locator('[data-count="kt-2"]')).toHaveText('0 / 1');

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp sao lưu (CSV)' }).click()]);
	const today = await page.evaluate(() => {
		const d = new Date();
		return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
	});
	expect(download.suggestedFilename()).toBe(`so-theo-doi-kon-chieng-${today}.csv`);
	const bytes = readFileSync(await download.path());
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const rows = parseCsv(bytes.toString('utf8'));
	expect(rows[0]).toEqual(['Làng', 'Hộ gia đình', 'Số nhà', 'Mã ngắn', ...IDS, 'Thời điểm xuất tệp', 'Phiên bản tệp']);
	expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual([
		['Kon Chiêng', 'Đinh Văn Hùng', '12', encodeShortCode(criteria, { ...all('dat'), 'kt-2': 'khong-ap-dung', 'kt-3': 'khong-ap-dung' }), 'đạt'],
		['Kon Chiêng', '', '3', expect.any(String), 'đạt'],
		['Kon Chiêng', 'Y Sao', '7/2', encodeShortCode(criteria, coded), 'đạt'],
	]);
	for (const r of rows.slice(1)) {
		expect(r.at(-1)).toBe('2');
		expect(r.at(-2)).toMatch(new RegExp(`^${today}T\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d$`));
	}
	// A download cannot be confirmed by the page: it says to check, and keeps the reminder until told.
	await expect(page.locator('[data-import-message]')).toContainText('Hãy mở mục Tải xuống xem tệp đã có chưa.');
	await expect(page.locator('[data-backup-status]')).toContainText('Chưa gửi hay lưu tệp lần nào.');
	await page.getByRole('button', { name: 'Tệp đã có trong Tải xuống' }).click();
	await expect(page.locator('[data-backup-status]')).toContainText('Lần gửi hoặc lưu tệp gần nhất');

	await page.reload();
	await expect(items).toHaveCount(3);
	await expect(page.getByLabel('Tên làng')).toHaveValue('Kon Chiêng');
	watcher.expectClean();
});

test('1. an edited house number or name is kept however the editor is closed', async ({ page }) => {
	const watcher = watch(page);
	await openTally(page);
	await setVillage(page, 'Kon Chiêng');
	await addHousehold(page, '1', 'Hộ Một');
	await addHousehold(page, '2', 'Hộ Hai');
	const editor = page.locator('.editor');
	const items = page.locator('[data-households] > li');

	// "Xong, đóng lại" straight after typing.
	await items.nth(0).locator('.household-toggle').click();
	await editor.getByLabel('Số nhà').fill('12');
	await editor.getByLabel('Tên hộ').fill('Nhà ông Đinh Văn A');
	await page.getByRole('button', { name: 'Xong, đóng lại' }).click();
	await expect(items.nth(0)).toContainText('Số nhà 12 · Nhà ông Đinh Văn A');

	// Opening another household.
	await items.nth(0).locator('.household-toggle').click();
	await editor.getByLabel('Tên hộ').fill('');
	await items.nth(1).locator('.household-toggle').click();
	await expect(items.nth(0).locator('.hh-name')).toHaveText('Số nhà 12');

	// The back button (the page is left while a field is still being typed in).
	await editor.getByLabel('Số nhà').fill('22');
	await page.goto(`${BASE}gia-dinh-toi/`);
	await page.goBack();
	await expect(items.nth(1)).toContainText('Số nhà 22 · Hộ Hai');
	const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!).households.map((h: { houseNumber: string }) => h.houseNumber), KEY);
	expect(stored).toEqual(['12', '22']);

	// A house number that belongs to another household keeps the editor open, with the reason.
	await items.nth(1).locator('.household-toggle').click();
	await editor.getByLabel('Số nhà').fill('12');
	await editor.getByLabel('Tên hộ').fill('');
	await page.getByRole('button', { name: 'Xong, đóng lại' }).click();
	await expect(page.locator('[data-editor-message]')).toContainText('đã có trong sổ');
	await expect(editor).toBeVisible();
	watcher.expectClean();
});

test('6. few taps: a code takes one tap after it is typed; by hand, 21 answers take at most 12 taps from one grid', async ({ page }) => {
	const watcher = watch(page);
	let taps = 0;
	const tap = async (target: Locator) => {
		taps++;
		await target.click();
	};
	await openTally(page);
	await setVillage(page, 'Kon Chiêng');
	const form = page.locator('form[data-add]');

	// By short code: house number and code typed, then one tap.
	await tap(form.getByLabel('Số nhà'));
	await page.keyboard.type('5');
	await tap(form.getByLabel('Mã ngắn'));
	await page.keyboard.type(encodeShortCode(criteria, all('dat')));
	taps = 0;
	await tap(form.getByRole('button', { name: 'Thêm hộ' }));
	await expect(page.locator('[data-add-message]')).toContainText('điền 21 tiêu chí theo mã');
	expect(taps).toBeLessThanOrEqual(3);

	// By hand: 5 "chưa đạt", 2 "không áp dụng", the rest "đạt".
	taps = 0;
	await tap(form.getByLabel('Số nhà'));
	await page.keyboard.type('6');
	await tap(form.getByRole('button', { name: 'Thêm hộ' }));
	const notMet = ['cq-2', 'kt-4', 'kt-7', 'xh-2', 'xh-9'];
	for (const id of notMet) {
		await tap(row(page, id).getByText('Chưa đạt', { exact: true }));
		// The focus moves on by itself to the next criterion.
		const next = criteria[criteria.findIndex((c) => c.id === id) + 1];
		if (next) await expect(row(page, next.id).locator('input').first()).toBeFocused();
	}
	for (const c of criteria.filter((c) => c.appliesTo === 'business')) await tap(row(page, c.id).getByText('Không áp dụng', { exact: true }));
	await expect(page.locator('.editor [data-left]')).toHaveText('Còn 14 tiêu chí chưa chọn.');
	await tap(page.getByRole('button', { name: 'Đạt cho các tiêu chí còn trống' }));
	await expect(page.locator('.editor [data-left]')).toHaveText('Đã chọn đủ các tiêu chí.');
	await tap(page.getByRole('button', { name: 'Xong, đóng lại' }));
	expect(taps).toBeLessThanOrEqual(12);
	const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!).households[1].answers, KEY);
	expect(Object.keys(stored)).toHaveLength(21);
	expect(Object.entries(stored).filter(([, s]) => s === 'chua-dat').map(([id]) => id)).toEqual(notMet);
	await expect(page.locator('[data-households] > li').nth(1)).toContainText('Đạt 14/19 tiêu chí');
	watcher.expectClean();
});

test('7. a code typed with a Vietnamese keyboard is read back when certain, else the keyboard is named', async ({ page }) => {
	const watcher = watch(page);
	await openTally(page);
	await setVillage(page, 'Kon Chiêng');
	// Find a code with a W, which Telex turns into Ư.
	let answers: Answers = {};
	let code = '';
	for (let i = 0; !code.includes('W'); i++) {
		answers = Object.fromEntries(criteria.map((c, j) => [c.id, ((i >> j % 16) + j) % 3 === 0 ? 'chua-dat' : 'dat']));
		code = encodeShortCode(criteria, answers);
	}
	await addHousehold(page, '8', '', code.replace(/W/g, 'Ư').replace(/^(...)/, '$1–'));
	await expect(page.locator('[data-add-message]')).toContainText('vì bộ gõ tiếng Việt đã đổi chữ');
	const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)!).households[0].answers, KEY);
	expect(stored).toEqual(answers);

	await addHousehold(page, '9', '', 'ẺẺẺẺẺẺ');
	await expect(page.locator('[data-add-message]')).toContainText('Hãy tắt bộ gõ tiếng Việt');
	await expect(page.locator('[data-households] > li')).toHaveCount(1);

	await addHousehold(page, '9', '', 'ABC-DEF2');
	await expect(page.locator('[data-add-message]')).toContainText('Chưa thêm hộ');
	await expect(page.locator('[data-households] > li')).toHaveCount(1);
	watcher.expectClean();
});

test('the printed tally is an A4 landscape sheet with a row per household', async ({ page }) => {
	const watcher = watch(page);
	await openTally(page);
	await page.locator('[data-import]').setInputFiles(join(FIXTURES, 'lang-kon-chieng.csv'));
	await expect(page.locator('[data-import-question]')).toContainText('4 hộ của làng “Kon Chiêng”');
	await page.getByRole('button', { name: 'Thay bằng tệp' }).click();
	await expect(page.locator('[data-import-message]')).toContainText('Đã nạp 4 hộ của làng “Kon Chiêng”');
	// The sheet's heading and pictograms load once the tally has households (from the blank sheet's page).
	await expect(page.locator('.tally-print .sheet-header')).toBeAttached();
	const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
	const [w, h] = pageSize(pdf);
	expect(w).toBeGreaterThan(h);
	const text = pdfText(pdf);
	for (const name of ['Đinh Văn Hùng', 'Nhà "bà Ly", con gái', 'Y Bư nhà sau suối', 'Đinh Thị Hoa']) expect(text).toContain(name);
	expect(pageCount(pdf)).toBe(1);
	expect(text).toContain('Kon Chiêng');
	expect(text).toContain('Sổ theo dõi “Gia đình số” của Tổ');
	expect(text).not.toContain('Gửi cho xã');
	watcher.expectClean();
});

test('2. the commune counts each village once: newest export wins, the same file twice counts once, a household in two villages counts once', async ({ page }) => {
	const watcher = watch(page);
	await page.goto(SUMMARY);
	const monday = villageCsv('Kon Chiêng', Array.from({ length: 40 }, (_, i) => [`Hộ ${i}`, String(i + 1), all(i < 30 ? 'dat' : 'chua-dat')]), new Date('2026-11-23T09:00:00+07:00'));
	const friday = villageCsv('Kon Chiêng', Array.from({ length: 41 }, (_, i) => [`Hộ ${i}`, String(i + 1), all(i < 33 ? 'dat' : 'chua-dat')]), new Date('2026-11-27T16:00:00+07:00'));
	// The newer file is chosen first, the older one after it; then Monday's again, saved with LF and no BOM.
	const mondayLf = Buffer.from(monday.toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'));
	await page.locator('[data-files]').setInputFiles([csvFile('lang-kon-chieng-thu-sau.csv', friday), csvFile('lang-kon-chieng-thu-hai.csv', monday)]);
	await page.locator('[data-files]').setInputFiles([csvFile('lang-kon-chieng-thu-hai (1).csv', mondayLf)]);
	await page.locator('[data-files]').setInputFiles([join(FIXTURES, 'lang-de-ar.csv')]);

	const rows = page.locator('[data-rows] tr');
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(1).locator('th')).toHaveText('Kon Chiêng');
	await expect(rows.nth(1).locator('td').nth(0)).toHaveText('41');
	await expect(rows.nth(1).locator('td').nth(2)).toHaveText('33');
	await expect(rows.nth(1).locator('td').nth(3)).toHaveText('80,5% ✓');
	// Đê Ar has 3; none of its households is in Kon Chiêng's file under the same name and number.
	await expect(page.locator('[data-total] td').nth(0)).toHaveText('44');
	await expect(page.locator('[data-file-list]')).toContainText('lang-kon-chieng-thu-sau.csv');
	await expect(page.locator('[data-aside-list] li')).toHaveCount(2);
	await expect(page.locator('[data-aside-list]')).toContainText('lang-kon-chieng-thu-hai.csv (làng Kon Chiêng): cũ hơn tệp lang-kon-chieng-thu-sau.csv');
	await expect(page.locator('[data-aside-list]')).toContainText('lang-kon-chieng-thu-hai (1).csv');

	// A household in two villages' files: counted once and flagged.
	await page.locator('[data-files]').setInputFiles([join(FIXTURES, 'lang-kon-chieng.csv')]);
	await page.getByRole('button', { name: 'Bỏ tệp lang-kon-chieng-thu-sau.csv' }).click();
	await page.getByRole('button', { name: 'Bỏ tệp lang-kon-chieng-thu-hai.csv' }).click();
	await page.getByRole('button', { name: 'Bỏ tệp lang-kon-chieng-thu-hai (1).csv' }).click();
	await expect(rows).toHaveCount(2);
	await expect(page.locator('[data-total] td').nth(0)).toHaveText('6');
	await expect(page.locator('[data-duplicates] li')).toHaveText([
		'Hộ “Đinh Văn Hùng” (số nhà 12): lang-de-ar.csv dòng 3 (làng Đê Ar); lang-kon-chieng.csv dòng 2 (làng Kon Chiêng). Chỉ tính ở làng Đê Ar.',
	]);
	await expect(rows.nth(1).locator('td').nth(0)).toHaveText('3');

	// The print and the exported report carry the corrected figures.
	const text = pdfText(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
	expect(text).toMatch(/Toàn xã\s+6\b/);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải báo cáo (CSV)' }).click()]);
	const csv = parseCsv(readFileSync(await download.path(), 'utf8'));
	expect(csv.find((r) => r[0] === 'Toàn xã')![1]).toBe('6');
	expect(csv.find((r) => r[0] === 'Kon Chiêng')![1]).toBe('3');
	await expect(page.locator('[data-export-message]')).toContainText('Hãy mở mục Tải xuống xem tệp đã có chưa.');
	watcher.expectClean();
});

test('10. the commune report prints on A4 with the header, date, table, criteria, weakest three, chart and signer', async ({ page }) => {
	const watcher = watch(page);
	await page.goto(SUMMARY);
	// 35 of 45 households meet everything: 77,77…% is shown 77,8% as Excel rounds it.
	const village = villageCsv(
		'Kon Chiêng',
		Array.from({ length: 45 }, (_, i) => [`Hộ ${i}`, String(i + 1), i < 35 ? all('dat') : { ...all('dat'), 'kt-3': 'chua-dat', 'xh-9': 'chua-dat' }]),
		new Date('2026-11-27T16:00:00+07:00')
	);
	await page.locator('[data-files]').setInputFiles([csvFile('lang-kon-chieng.csv', village)]);
	const report = page.locator('[data-result]');
	await expect(report).toContainText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
	await expect(report).toContainText('Độc lập - Tự do - Hạnh phúc');
	await expect(page.locator('[data-reported]')).toContainText(/1\/11 làng đã nộp|1 làng đã nộp/);
	await expect(page.locator('[data-rows] td').nth(3)).toHaveText('77,8%');
	await expect(page.locator('[data-method]')).toContainText('làm tròn lên (như Excel)');
	await expect(page.locator('[data-criteria] tr')).toHaveCount(21);
	await expect(page.locator('[data-criteria] tr').filter({ hasText: 'KT-3' }).locator('td')).toHaveText(['35', '45', '77,8%']);
	await expect(page.locator('[data-weakest]')).toHaveText(/^KT-3 .*\(77,8%\); XH-9 .*\(77,8%\); /);
	const chart = page.locator('[data-chart] svg');
	await expect(chart).toHaveAttribute('aria-label', /mục tiêu 80%/);
	await expect(chart.locator('text').filter({ hasText: 'Mục tiêu 80%' })).toHaveCount(1);
	// Villages are hatched, groups solid grey: told apart without colour.
	await expect(chart.locator('rect[fill="url(#gds-hatch)"]')).toHaveCount(1);
	await expect(page.getByText('NGƯỜI LẬP BIỂU')).toBeVisible();

	const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
	expect(pageSize(pdf)).toEqual([595, 842]);
	expect(pageCount(pdf)).toBeLessThanOrEqual(2);
	const text = pdfText(pdf);
	for (const words of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Tính đến ngày', 'NGƯỜI LẬP BIỂU', '3 tiêu chí thấp nhất', 'Mục tiêu 80%', '77,8%']) expect(text).toContain(words);
	expect(text).not.toContain('Chọn tệp CSV');

	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải báo cáo (CSV)' }).click()]);
	const csv = parseCsv(readFileSync(await download.path(), 'utf8'));
	expect(csv[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
	expect(csv.find((r) => r[0] === 'Kon Chiêng')!.slice(1, 7)).toEqual(['45', '', '', '35', '77,8', 'chưa đạt']);
	expect(csv.find((r) => r[0] === 'KT-3')!.slice(2)).toEqual(['35', '45', '77,8']);
	expect(csv.some((r) => r[0]!.startsWith('Cách tính'))).toBe(true);
	expect(csv.some((r) => r[0] === 'NGƯỜI LẬP BIỂU')).toBe(true);
	watcher.expectClean();
});

test('bad files are refused with the file, row and column, and the tally on the phone stays as it was', async ({ page }) => {
	const watcher = watch(page);
	await openTally(page);
	await setVillage(page, 'Đê Ar');
	await addHousehold(page, '5', 'Y Sao');
	const saved = await page.evaluate((k) => localStorage.getItem(k), KEY);
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

	await picker.setInputFiles(file('trung.csv', `${header}\r\n${good('A', 1)}\r\n${good('B', 2)}\r\n${good('a', 1)}\r\n`));
	await expect(message).toContainText('Tệp trung.csv, dòng 4, cột Hộ gia đình (cột B): hộ “a” (số nhà 1) của làng “Kon Chiêng” đã có ở dòng 2');

	await picker.setInputFiles(file('ma.csv', `Làng,Hộ gia đình,Số nhà,Mã ngắn\r\nKon Chiêng,A,1,ABCD\r\n`));
	await expect(message).toContainText('Tệp ma.csv, dòng 2, cột Mã ngắn (cột D): mã ngắn “ABCD” không dùng được');

	// 3. A file from a newer version of the page is refused plainly.
	const newer = villageCsv('Kon Chiêng', [['A', '1', all('dat')]], new Date()).toString('utf8').replace(/,2\r\n/g, ',3\r\n');
	await picker.setInputFiles(file('ban-moi.csv', newer));
	await expect(message).toContainText('tệp được làm bằng bản mới hơn của trang (phiên bản 3)');

	const big = [header, ...Array.from({ length: 10_000 }, (_, i) => good(`Hộ ${i}`, i))].join('\r\n');
	await picker.setInputFiles(file('10000-dong.csv', big));
	await expect(message).toContainText('Tệp 10000-dong.csv, dòng 2002: tệp có hơn 2.000 hộ');

	await expect(message).toContainText('Sổ trên máy giữ nguyên');
	await expect(page.locator('[data-households] > li')).toHaveCount(1);
	expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(saved);

	// The commune page: a bad file beside a good one leaves the good one counted.
	await page.goto(SUMMARY);
	await page.locator('[data-files]').setInputFiles([join(FIXTURES, 'lang-de-ar.csv'), join(FIXTURES, 'sai-ma-hoa.csv')]);
	await expect(page.locator('[data-load-message]')).toContainText('Đã đọc 1 tệp');
	await expect(page.locator('[data-load-message]')).toContainText('Tệp sai-ma-hoa.csv, dòng 1, cột A');
	await expect(page.locator('[data-rows] tr')).toHaveCount(1);
	watcher.expectClean();
});

test('a file far too big (a sparse 40 GB file) is refused by its size, on both pages, without reading it', async ({ page }) => {
	const watcher = watch(page);
	const dir = mkdtempSync(join(tmpdir(), 'gds-huge-'));
	const huge = join(dir, 'lang-khong-lo.csv');
	execFileSync('truncate', ['-s', '40G', huge]);
	await openTally(page);
	await page.locator('[data-import]').setInputFiles(huge);
	await expect(page.locator('[data-import-message]')).toContainText('Tệp lang-khong-lo.csv: tệp nặng');
	await page.goto(SUMMARY);
	await page.locator('[data-files]').setInputFiles(huge);
	await expect(page.locator('[data-load-message]')).toContainText('Tệp lang-khong-lo.csv: tệp nặng');
	watcher.expectClean();
});

test('3. importing over a tally shows what changes and asks; the previous tally comes back with one tap', async ({ page }) => {
	const watcher = watch(page);
	await openTally(page);
	await setVillage(page, 'Đê Ar');
	await addHousehold(page, '5', 'Y Sao');
	await page.locator('[data-import]').setInputFiles(join(FIXTURES, 'lang-kon-chieng.csv'));
	await expect(page.locator('[data-import-question]')).toContainText('So với sổ trên máy (1 hộ, làng “Đê Ar”): 4 hộ thêm vào, 1 hộ mất đi');
	await page.getByRole('button', { name: 'Giữ sổ đang có' }).click();
	await expect(page.locator('[data-households] > li')).toHaveCount(1);
	await page.locator('[data-import]').setInputFiles(join(FIXTURES, 'lang-kon-chieng.csv'));
	await page.getByRole('button', { name: 'Thay bằng tệp' }).click();
	await expect(page.locator('[data-households] > li')).toHaveCount(4);
	await expect(page.getByLabel('Tên làng')).toHaveValue('Kon Chiêng');
	await page.reload();
	await page.getByRole('button', { name: 'Lấy lại sổ trước khi nạp tệp' }).click();
	await expect(page.locator('[data-households] > li')).toHaveCount(1);
	await expect(page.getByLabel('Tên làng')).toHaveValue('Đê Ar');
	await expect(page.locator('[data-households] > li')).toContainText('Y Sao');
	watcher.expectClean();
});

test('3. a tally saved by a newer version of the page is left untouched', async ({ page }) => {
	await openTally(page);
	const newer = JSON.stringify({ version: 3, village: 'A', households: [{ id: 'x', name: 'B', houseNumber: '1', answers: {}, members: 4 }] });
	await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [KEY, newer]);
	await page.reload();
	await expect(page.locator('[data-notice]')).toContainText('được lưu bởi bản mới hơn của trang này');
	await addHousehold(page, '2');
	expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(newer);
});

test('8. "Gửi cho xã" shares the file where the phone can; elsewhere it saves it and says how to attach it in Zalo', async ({ page }) => {
	await page.addInitScript(() => {
		(window as unknown as { shared: string[] }).shared = [];
		Object.assign(navigator, {
			canShare: (data: { files?: File[] }) => !!data.files?.length && (window as unknown as { canShareFiles?: boolean }).canShareFiles !== false,
			share: async (data: { files: File[] }) => {
				(window as unknown as { shared: string[] }).shared.push(`${data.files[0]!.name}:${await data.files[0]!.text()}`);
			},
		});
	});
	await openTally(page);
	await setVillage(page, 'Kon Chiêng');
	await addHousehold(page, '1', 'x;=4+4;');
	await page.getByRole('button', { name: 'Gửi cho xã' }).click();
	await expect(page.locator('[data-import-message]')).toContainText('Đã gửi tệp so-theo-doi-kon-chieng-');
	await expect(page.locator('[data-backup-status]')).toContainText('(hôm nay)');
	const [shared] = await page.evaluate(() => (window as unknown as { shared: string[] }).shared);
	// 4. The formula after ";" inside the name is neutralised for Excel with either separator.
	expect(shared).toContain('"x;\'=4+4;"');
	expect(parseCsv(shared!.slice(shared!.indexOf(':') + 1))[1]![1]).toBe("x;'=4+4;");

	await page.evaluate(() => ((window as unknown as { canShareFiles: boolean }).canShareFiles = false));
	await addHousehold(page, '2');
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Gửi cho xã' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^so-theo-doi-kon-chieng-/);
	const lines = page.locator('[data-import-message] p');
	await expect(lines).toHaveCount(2);
	await expect(lines.nth(1)).toContainText('Để gửi qua Zalo');
	await expect(page.locator('[data-backup-status]')).toContainText('Có thay đổi chưa gửi.');
});

test('8. inside Zalo’s own browser a banner says how to open the page in Chrome', async ({ browser }) => {
	const context = await browser.newContext({
		viewport: { width: 360, height: 800 },
		userAgent: 'Mozilla/5.0 (Linux; Android 12; SM-A125F) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0 Mobile Safari/537.36 Zalo android/12100 ZaloTheme/light',
	});
	const page = await context.newPage();
	for (const path of [TALLY, `${BASE}gia-dinh-toi/`]) {
		await page.goto(path);
		await expect(page.locator('[data-in-app]')).toContainText('Bạn đang mở trang trong Zalo');
		await expect(page.locator('[data-in-app]')).toContainText('mở bằng trình duyệt (Chrome)');
	}
	await context.close();
});

test('5. "Xóa dữ liệu trên máy này" removes the tally and the household answers after a confirmation', async ({ page }) => {
	await openTally(page);
	await setVillage(page, 'Kon Chiêng');
	await addHousehold(page, '1', 'Hộ Một');
	await page.evaluate(() => localStorage.setItem('gia-dinh-so:gia-dinh-toi', '{"kind":"gia-dinh-so/household","version":1,"answers":{"cq-1":"dat"}}'));
	page.once('dialog', (d) => d.dismiss());
	await page.getByRole('button', { name: 'Xóa dữ liệu trên máy này' }).click();
	await expect(page.locator('[data-households] > li')).toHaveCount(1);
	page.once('dialog', (d) => {
		expect(d.message()).toContain('Xóa mọi dữ liệu');
		return d.accept();
	});
	await page.getByRole('button', { name: 'Xóa dữ liệu trên máy này' }).click();
	await expect(page.locator('[data-households] > li')).toHaveCount(0);
	expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('gia-dinh-so:')))).toEqual([]);
});

test('nothing about a household leaves the device, and the tally works with the network off', async ({ page, context }) => {
	const watcher = watch(page);
	await openTally(page);
	await settled(page);
	// The file code and the answer grid load when first needed: use them once while online, as the
	// offline save does (it stores every file of the page's code).
	await page.locator('[data-import]').setInputFiles(join(FIXTURES, 'lang-de-ar.csv'));
	await page.getByRole('button', { name: 'Thay bằng tệp' }).click();
	await page.locator('.household-toggle').first().click();
	await page.getByRole('button', { name: 'Xong, đóng lại' }).click();
	await expect(page.locator('.editor')).toHaveCount(0);
	await context.setOffline(true);
	await setVillage(page, 'Làng Bí Mật');
	await addHousehold(page, '99', 'Hộ Riêng Tư Xyz');
	await answerAll(page, () => 'Đạt');
	await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp sao lưu (CSV)' }).click()]);
	await expect(page.locator('[data-households] > li')).toHaveCount(4);
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
	await openTally(page);
	await setVillage(page, 'Kon Chiêng');
	await addHousehold(page, '12', 'Đinh Văn Hùng');
	const tally = await new AxeBuilder({ page }).include('gds-tally').analyze();
	expect(tally.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
	await page.goto(SUMMARY);
	await page.locator('[data-files]').setInputFiles([join(FIXTURES, 'lang-kon-chieng.csv'), join(FIXTURES, 'lang-de-ar.csv')]);
	await expect(page.locator('[data-rows] tr')).toHaveCount(2);
	const summary = await new AxeBuilder({ page }).include('gds-tong-hop').analyze();
	expect(summary.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
