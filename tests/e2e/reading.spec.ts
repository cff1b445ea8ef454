import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BASE, manifest } from './helpers';

// Issue 16: readable for older eyes, Ôn tập, an honest Tự kiểm tra, words explained in place.
// The phone of playwright.config.ts: 360×800.

const lessons = manifest().filter((c) => c.url);
const slug = (url: string) => url.slice(BASE.length, -1);

/** The `review` questions a lesson's frontmatter holds. */
function reviewOf(lessonSlug: string): { question: string; options: string[]; answer: number; why: string }[] {
	const source = readFileSync(join(process.cwd(), 'content/docs', `${lessonSlug}.mdx`), 'utf8');
	return (parseYaml(/^---\n([\s\S]*?)\n---/.exec(source)![1]!) as { review?: [] }).review ?? [];
}

/** Text people read that is smaller than `min` px on screen: "13px code "S [số gửi tin]…"". */
async function smallText(page: Page, min: number): Promise<string[]> {
	return page.evaluate((min) => {
		const found: string[] = [];
		for (const el of document.querySelectorAll<HTMLElement>('body *')) {
			const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
			if (!ownText || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
			// Text only for screen readers is not read with the eyes.
			if (el.closest('.sr-only')) continue;
			const size = parseFloat(getComputedStyle(el).fontSize);
			if (size < min) found.push(`${size}px <${el.localName} class="${el.className}"> "${el.textContent!.trim().slice(0, 40)}"`);
		}
		return found;
	}, min);
}

/**
 * Controls smaller than `min` px in either direction. A checkbox or radio counts by its label (the
 * label is what people tap); a link or word inside running text is exempt, as in WCAG 2.5.8.
 */
async function smallTargets(page: Page, min: number): Promise<string[]> {
	return page.evaluate((min) => {
		const found: string[] = [];
		const targets = new Set<Element>();
		for (const el of document.querySelectorAll('a[href], button, summary, select, textarea, input:not([type=hidden])')) {
			const label = el instanceof HTMLInputElement && ['checkbox', 'radio'].includes(el.type) ? el.labels?.[0] : undefined;
			targets.add(label ?? el);
		}
		for (const el of targets) {
			if (!(el as HTMLElement).checkVisibility({ visibilityProperty: true })) continue;
			const style = getComputedStyle(el);
			if (style.display === 'inline') {
				const block = el.parentElement!.closest('p, li, dd, td, legend, h1, h2, h3, h4');
				if (block && block.textContent!.trim() !== el.textContent!.trim()) continue;
			}
			const box = el.getBoundingClientRect();
			if (box.width < min - 0.5 || box.height < min - 0.5)
				found.push(`${Math.round(box.width)}×${Math.round(box.height)} <${el.localName} class="${(el as HTMLElement).className}"> "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}"`);
		}
		return found;
	}, min);
}

test.describe('on a 360 px phone, nothing people read is under 16 px and nothing they tap under 48 px', () => {
	const pages = ['', 'tu-dien-so/', 'an-toan/', ...lessons.map((c) => `${slug(c.url!)}/`)];
	for (const path of pages) {
		test(`/${path}`, async ({ page }) => {
			await page.goto(`${BASE}${path}`);
			// The lazy "Gia đình tôi đã làm được" control is part of the page people see.
			await page.evaluate(() => document.querySelector('gds-lesson-done')?.scrollIntoView());
			expect(await smallText(page, 16), `text under 16 px on /${path}`).toEqual([]);
			expect(await smallTargets(page, 48), `tap targets under 48 px on /${path}`).toEqual([]);
		});
	}

	test('the opened menu', async ({ page }) => {
		await page.goto(`${BASE}cq-1/`);
		await page.getByRole('button', { name: 'Menu' }).click();
		await expect(page.locator('#starlight__sidebar')).toBeVisible();
		expect(await smallText(page, 16)).toEqual([]);
		expect(await smallTargets(page, 48)).toEqual([]);
	});
});

test('the menu button says “Menu” in words, not only with an icon', async ({ page }) => {
	await page.goto(`${BASE}cq-1/`);
	const button = page.locator('.sl-menu-button');
	await expect(button).toBeVisible();
	await expect(button).toHaveText('Menu');
	// The site's name beside it is not cut off.
	const title = page.locator('.site-title');
	expect(await title.evaluate((a) => a.scrollWidth <= a.clientWidth + 1)).toBe(true);
});

test('Tự kiểm tra shows ✓ lines, not empty boxes, with the Đạt control right below and its space kept', async ({ page }) => {
	await page.goto(`${BASE}cq-1/`);
	const mark = await page.locator('.self-check .check-list li').first().evaluate((li) => {
		const before = getComputedStyle(li, '::before');
		return { content: before.content, border: before.borderTopWidth };
	});
	expect(mark.content).toContain('✓');
	expect(mark.border).toBe('0px');
	const control = page.locator('gds-lesson-done');
	// Before its script has loaded (it loads when the reader comes near), the control already takes its place.
	expect(await control.evaluate(() => customElements.get('gds-lesson-done'))).toBeUndefined();
	const before = await control.boundingBox();
	await control.scrollIntoViewIfNeeded();
	await expect(control.getByRole('radio', { name: 'Đạt, đã làm được' })).toBeVisible();
	expect((await control.boundingBox())!.height).toBe(before!.height);
	// Right after the list: nothing stands between the ✓ lines and the control.
	expect(await control.evaluate((el) => el.previousElementSibling?.classList.contains('check-list'))).toBe(true);
});

test.describe('Ôn tập without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('every lesson that has review questions shows 2 or 3 of them, after Tự kiểm tra', async ({ page }) => {
		let withQuestions = 0;
		for (const c of lessons) {
			const review = reviewOf(slug(c.url!));
			await page.goto(c.url!);
			const section = page.locator('section.review');
			if (review.length === 0) {
				await expect(section, c.id).toHaveCount(0);
				continue;
			}
			withQuestions++;
			await expect(section.getByRole('heading', { level: 2, name: 'Ôn tập' }), c.id).toBeVisible();
			const questions = section.getByRole('group');
			await expect(questions, c.id).toHaveCount(review.length);
			expect(review.length, c.id).toBeGreaterThanOrEqual(2);
			expect(review.length, c.id).toBeLessThanOrEqual(3);
			for (const [i, q] of review.entries()) await expect(questions.nth(i).getByRole('radio'), c.id).toHaveCount(q.options.length);
			// It follows the self-check and comes before the sources.
			const order = await page.evaluate(() => [...document.querySelectorAll('section.self-check, section.review, section.sources')].map((s) => s.className.split(' ')[0]));
			expect(order, c.id).toEqual(['self-check', 'review', 'sources']);
		}
		expect(withQuestions, 'lessons with Ôn tập questions').toBeGreaterThan(0);
	});

	test('picking an answer shows “Đúng” or “Chưa đúng” and why, in place', async ({ page }) => {
		const c = lessons.find((l) => reviewOf(slug(l.url!)).length > 0);
		test.skip(!c, 'no lesson has review questions yet');
		const q = reviewOf(slug(c!.url!))[0]!;
		await page.goto(c!.url!);
		const group = page.locator('section.review').getByRole('group').first();
		await expect(group.getByText('Chưa đúng.')).toBeHidden();
		await expect(group.getByText('Đúng.', { exact: true })).toBeHidden();

		const wrong = q.options.findIndex((_, i) => i !== q.answer);
		await group.getByRole('radio', { name: q.options[wrong], exact: true }).check();
		await expect(group.getByText('Chưa đúng.')).toBeVisible();
		await expect(group.locator('.is-wrong')).toContainText(q.options[q.answer]!);
		await expect(group.locator('.is-wrong')).toContainText(q.why);

		// With the keyboard: the arrow keys move to another option and reveal its answer.
		await group.getByRole('radio', { name: q.options[wrong], exact: true }).focus();
		for (let i = 0; i < Math.abs(q.answer - wrong); i++) await page.keyboard.press(q.answer > wrong ? 'ArrowDown' : 'ArrowUp');
		await expect(group.getByRole('radio', { name: q.options[q.answer], exact: true })).toBeChecked();
		await expect(group.getByText('Đúng.', { exact: true })).toBeVisible();
		await expect(group.locator('.is-right')).toContainText(q.why);
		await expect(group.getByText('Chưa đúng.')).toBeHidden();
		expect(new URL(page.url()).pathname).toBe(c!.url);
	});

	test('the questions stay off the printed handout', async ({ page }) => {
		const c = lessons.find((l) => reviewOf(slug(l.url!)).length > 0);
		test.skip(!c, 'no lesson has review questions yet');
		await page.goto(c!.url!);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('section.review')).toBeHidden();
		await expect(page.locator('section.self-check')).toBeVisible();
	});
});

test.describe('glossary words explained where they stand, without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('tapping “OTP” in cq-1 opens its explanation in the lesson, and tapping again closes it', async ({ page }) => {
		const glossary = parseYaml(readFileSync(join(process.cwd(), 'content/data/glossary.yaml'), 'utf8')) as { id: string; definition: string }[];
		const otp = glossary.find((e) => e.id === 'otp')!;
		await page.goto(`${BASE}cq-1/`);
		const term = page.locator('.term').filter({ has: page.locator('input[id^="tu-otp-"]') }).first();
		const explanation = term.locator('.explanation');
		await expect(explanation).toBeHidden();
		await term.locator('label').click();
		await expect(explanation).toBeVisible();
		await expect(explanation).toContainText(otp.definition);
		await expect(explanation.getByRole('link', { name: 'Xem Từ điển số' })).toHaveAttribute('href', `${BASE}tu-dien-so/#otp`);
		expect(new URL(page.url()).pathname).toBe(`${BASE}cq-1/`);
		await term.locator('label').click();
		await expect(explanation).toBeHidden();
	});

	test('with the keyboard: Tab reaches the word, Space opens it', async ({ page }) => {
		await page.goto(`${BASE}cq-1/`);
		const toggle = page.locator('.term input').first();
		const explanation = page.locator('.term .explanation').first();
		await toggle.focus();
		await expect(toggle).toBeFocused();
		await expect(toggle).toHaveAccessibleName(/\(xem giải thích\)$/);
		await page.keyboard.press('Space');
		await expect(explanation).toBeVisible();
	});

	test('each use of a word on a page opens on its own, and the markup stays valid inside a paragraph', async ({ page }) => {
		await page.goto(`${BASE}an-toan/`);
		const ids = await page.locator('.term input').evaluateAll((inputs) => inputs.map((i) => i.id));
		expect(ids.length).toBeGreaterThan(1);
		expect(new Set(ids).size).toBe(ids.length);
		// Only phrasing content: had it held a block, the HTML parser would have split it from its paragraph.
		const terms = page.locator('.term');
		expect(await terms.count()).toBe(ids.length);
		expect(await page.locator('.term > label + .explanation').count()).toBe(ids.length);
		expect(await page.locator('p .term').count()).toBeGreaterThan(0);
	});
});
