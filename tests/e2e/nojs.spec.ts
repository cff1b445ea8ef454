import { expect, test } from '@playwright/test';
import { BASE, manifest } from './helpers';

// Cheap phones with JavaScript off, or a script that failed to load on a weak connection.
test.use({ javaScriptEnabled: false });

const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;

test('every lesson reads and prints without JavaScript', async ({ page }) => {
	test.setTimeout(120_000);
	for (const c of manifest()) {
		await page.goto(c.url!);
		await expect(page.locator('h1'), c.id).toBeVisible();
		await expect(page.locator('.criterion-box'), c.id).toContainText(c.wording);
		await expect(page.locator('.sl-steps').first(), c.id).toBeVisible();
		await expect(page.locator('.self-check li').first(), c.id).toBeVisible();
		expect(pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true })), c.id).toBeLessThanOrEqual(2);
	}
});

test('the glossary and the safety chapter read without JavaScript', async ({ page }) => {
	await page.goto(`${BASE}tu-dien-so/`);
	await expect(page.locator('#otp dt')).toBeVisible();
	await expect(page.locator('dl.glossary > div')).not.toHaveCount(0);
	await page.goto(`${BASE}an-toan/`);
	await expect(page.locator('#khi-bi-lua')).toBeVisible();
});

for (const [sheet, pages] of [
	['phieu-tu-danh-gia', 1],
	['bang-tong-hop', 1],
	['danh-sach-tham-du', 1],
	['huong-dan-buoi-hoc', 1],
] as const) {
	test(`the sheet ${sheet} shows and prints on ${pages} page without JavaScript`, async ({ page }) => {
		await page.goto(`${BASE}in/${sheet}/`);
		await expect(page.locator('.sheet')).toBeVisible();
		expect(pdfPages(await page.pdf({ preferCSSPageSize: true }))).toBe(pages);
	});
}

test('“Gia đình tôi” without JavaScript is the blank checklist, printable on one side', async ({ page }) => {
	await page.goto(`${BASE}gia-dinh-toi/`);
	await expect(page.locator('input[type="radio"]').first()).toBeVisible();
	expect(await page.locator('fieldset').count()).toBe(21);
	expect(pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true }))).toBe(1);
});
