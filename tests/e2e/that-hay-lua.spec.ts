import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BASE, DIST } from './helpers';

const PAGE = `${BASE}that-hay-lua/`;

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('at least 12 scenarios, some real, and an answer reveals why in place', async ({ page }) => {
		await page.goto(PAGE);
		const scenarios = page.locator('[data-scenario]');
		expect(await scenarios.count()).toBeGreaterThanOrEqual(12);
		const answers = await scenarios.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.answer));
		expect(answers.filter((a) => a === 'that').length, '"Thật" is sometimes right').toBeGreaterThanOrEqual(2);
		expect(answers.filter((a) => a === 'lua').length).toBeGreaterThanOrEqual(8);

		const first = scenarios.first();
		const right = (await first.getAttribute('data-answer')) === 'lua' ? 'Lừa' : 'Thật';
		await expect(first.locator('.why')).toBeHidden();
		await first.getByText(right, { exact: true }).click();
		await expect(first.locator('.why')).toBeVisible();
		await expect(first.locator('.why')).toContainText('Dấu hiệu:');
		await expect(first.locator('.why')).toContainText('Nên làm:');
		await expect(first.locator('.verdict.right')).toBeVisible();
		await expect(first.locator('.verdict.wrong')).toBeHidden();
		// Other scenarios stay closed: answering one does not give the others away.
		await expect(scenarios.nth(1).locator('.why')).toBeHidden();
		await scenarios.nth(1).scrollIntoViewIfNeeded();
		const second = scenarios.nth(1);
		const secondWrong = (await second.getAttribute('data-answer')) === 'lua' ? 'Thật' : 'Lừa';
		await second.getByText(secondWrong, { exact: true }).click();
		await expect(second.locator('.verdict.wrong')).toBeVisible();
		await expect(second.locator('.why')).toContainText('Dấu hiệu:');
	});

	test('the score needs JavaScript and stays out of the way without it', async ({ page }) => {
		await page.goto(PAGE);
		await expect(page.locator('.score')).toBeHidden();
	});
});

test('the score stays on the phone after the page is closed, and can start over', async ({ page }) => {
	await page.goto(PAGE);
	const scenarios = page.locator('[data-scenario]');
	const total = await scenarios.count();
	const truth = await scenarios.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.answer));
	const label = (a: string | undefined) => (a === 'lua' ? 'Lừa' : 'Thật');
	await scenarios.nth(0).getByText(label(truth[0]), { exact: true }).click();
	await scenarios.nth(1).getByText(label(truth[1] === 'lua' ? 'that' : 'lua'), { exact: true }).click();
	// Changing one's mind after reading why does not change the score.
	await scenarios.nth(1).getByText(label(truth[1]), { exact: true }).click();
	await expect(page.locator('.score-text')).toHaveText(`Đã trả lời 2/${total} tình huống, đúng ngay lần đầu 1 tình huống.`);

	await page.reload();
	await expect(page.locator('.score-text')).toHaveText(`Đã trả lời 2/${total} tình huống, đúng ngay lần đầu 1 tình huống.`);
	await expect(scenarios.nth(0).locator('.why'), 'the answered scenario is still open').toBeVisible();

	await page.getByRole('button', { name: 'Làm lại từ đầu' }).click();
	await expect(page.locator('.score-text')).toHaveText(`Chưa trả lời tình huống nào (có ${total} tình huống).`);
	await page.reload();
	await expect(page.locator('.score-text')).toHaveText(`Chưa trả lời tình huống nào (có ${total} tình huống).`);
	await expect(scenarios.nth(0).locator('.why')).toBeHidden();
});

test('readable text and big answer buttons on a phone', async ({ page }) => {
	await page.goto(PAGE);
	await page.locator('[data-scenario]').first().getByText('Lừa', { exact: true }).click();
	const small = await page.locator('.scenario p, .scenario label, .score p, .score button').evaluateAll((els) =>
		els.filter((e) => e.getClientRects().length && parseFloat(getComputedStyle(e).fontSize) < 16).map((e) => e.textContent)
	);
	expect(small, 'text under 16 px').toEqual([]);
	const tiny = await page.locator('.pick label, .score button').evaluateAll((els) =>
		els.filter((e) => e.getClientRects().length).filter((e) => e.getBoundingClientRect().height < 48 || e.getBoundingClientRect().width < 48).map((e) => e.textContent)
	);
	expect(tiny, 'tap targets under 48 px').toEqual([]);
});

test('found from the home page and the menu, and kept for offline use', async ({ page }) => {
	await page.goto(BASE);
	await page.locator('main').getByRole('link', { name: 'Thật hay lừa?' }).click();
	await expect(page).toHaveURL(new RegExp(`${PAGE}$`));
	// The menu is closed on a phone: the link is there once it opens.
	await expect(page.locator(`nav.sidebar a[href="${PAGE}"]`)).toHaveText('Thật hay lừa?');
	const offline = JSON.parse(readFileSync(join(DIST, 'offline.json'), 'utf8'));
	expect(offline.pages).toContain(PAGE);
	// The step pictures are stored with the lessons, so stored lessons show them offline.
	expect(offline.assets).toContain(`${BASE}hinh/act.svg`);
});
