import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { BASE, builtPages, scriptsRan, settled } from './helpers';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

for (const scheme of ['light', 'dark'] as const) {
	test(`every page has no WCAG 2.2 AA violation in the ${scheme} theme`, async ({ page }) => {
		test.setTimeout(300_000);
		await page.emulateMedia({ colorScheme: scheme });
		const found: string[] = [];
		for (const path of builtPages()) {
			await page.goto(`${BASE}${path}`);
			// As a reader meets the page once its scripts have set up the controls.
			await settled(page, 100);
			const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
			for (const v of violations) found.push(`${path || '/'} [${v.id}] ${v.help}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
		}
		expect(found).toEqual([]);
	});
}

test('everything on the home page can be reached with the keyboard, and focus is visible', async ({ page }) => {
	await page.goto(BASE);
	const seen = new Set<string>();
	for (let i = 0; i < 60; i++) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			if (!el || el === document.body) return null;
			const style = getComputedStyle(el);
			const visible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
			return { key: `${el.tagName} ${el.getAttribute('href') ?? ''} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)}`, visible };
		});
		if (!focused) continue;
		expect(focused.visible, `focus ring on ${focused.key}`).toBe(true);
		seen.add(focused.key);
	}
	// The skip link, search and the lessons are among what a keyboard reaches.
	expect([...seen].some((k) => k.includes('Bỏ qua'))).toBe(true);
	expect([...seen].some((k) => k.startsWith('BUTTON') && k.includes('Tìm kiếm'))).toBe(true);
	expect([...seen].some((k) => k.includes(`${BASE}cq-1/`))).toBe(true);
});

test('the search opens and is used from the keyboard alone', async ({ page }) => {
	await page.goto(`${BASE}kt-1/`);
	await scriptsRan(page);
	await page.keyboard.press('Control+k');
	await page.keyboard.type('tien dien');
	await expect(page.locator('gds-search .results li a').first()).toHaveAttribute('href', `${BASE}kt-6/`);
	await page.keyboard.press('Tab');
	await page.keyboard.press('Escape');
	await expect(page.getByRole('dialog')).toBeHidden();
});

test('text stays readable at 200% zoom on a 360 px screen: nothing runs off the side', async ({ page }) => {
	test.setTimeout(120_000);
	// 200% zoom on a 360 px screen leaves 180 CSS pixels.
	await page.setViewportSize({ width: 180, height: 400 });
	const overflowing: string[] = [];
	for (const path of builtPages()) {
		await page.goto(`${BASE}${path}`);
		const wide = await page.evaluate(() => {
			const limit = document.documentElement.clientWidth + 1;
			// Data tables may scroll inside their own box (WCAG 1.4.10 allows it); the page may not.
			if (document.documentElement.scrollWidth > limit) return 'page scrolls sideways';
			const cut = [...document.querySelectorAll('main p, main li, main h1, main h2, main dd')].find((el) => {
				const r = el.getBoundingClientRect();
				return r.width > 0 && r.right > limit && !el.closest('.scroll, table, .sheet');
			});
			return cut ? `${cut.tagName}: ${cut.textContent?.slice(0, 40)}` : '';
		});
		if (wide) overflowing.push(`${path || '/'}: ${wide}`);
	}
	expect(overflowing).toEqual([]);
});
