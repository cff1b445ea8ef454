/**
 * Issue 12 as a resident sees it: every lesson ends its help section with "Hỏi ai, ở đâu, khi nào",
 * emergency numbers are one tap away, and each criterion reads in plain words ("Đạt khi …") on the
 * home page and the household sheet, never with the plan's “Tây Ninh Số” left uncorrected.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { BASE, manifest } from './helpers';

const criteria: { id: string; title: string; passWhen: string; correction?: string }[] = parse(
	readFileSync('content/data/criteria.yaml', 'utf8')
);
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

test('every lesson ends its help section with one “who to ask” box, before the self-check', async ({ page }) => {
	const lessons = manifest().filter((c) => c.url);
	expect(lessons).toHaveLength(21);
	for (const c of lessons) {
		await page.goto(c.url!);
		const box = page.locator('.who-to-ask');
		await expect(box, c.id).toHaveCount(1);
		await expect(box.getByRole('heading', { name: 'Hỏi ai, ở đâu, khi nào' })).toBeVisible();
		for (const place of ['Tổ công nghệ số cộng đồng', 'Công an xã', 'Trung tâm Phục vụ hành chính công xã'])
			await expect(box, `${c.id}: ${place}`).toContainText(place);
		// After "Gặp khó khăn?" (the last section of the lesson's text) and before "Tự kiểm tra".
		const order = await page.evaluate(() => {
			const box = document.querySelector('.who-to-ask')!;
			const help = [...document.querySelectorAll('h2')].find((h) => h.textContent?.trim().startsWith('Gặp khó khăn'));
			const check = document.getElementById('tu-kiem-tra');
			const follows = (a: Node | null | undefined, b: Node) => !!a && !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
			return { afterHelp: follows(help, box), beforeCheck: follows(box, check!) };
		});
		expect(order, c.id).toEqual({ afterHelp: true, beforeCheck: true });
	}
});

test('the box says once, in one sentence, what the commune has not confirmed', async ({ page }) => {
	await page.goto(`${BASE}xh-6/`);
	const box = page.locator('.who-to-ask');
	const text = flat(await box.innerText());
	// commune.yaml confirms no address, hours or phone yet: one sentence says so, and no line repeats it.
	expect(text.match(/chưa xác nhận/g) ?? []).toHaveLength(1);
	for (const line of (await box.innerText()).split('\n')) expect(line.match(/hỏi Tổ công nghệ số cộng đồng hoặc UBND xã/g)?.length ?? 0).toBeLessThan(2);
	// No guessed number: the only phone links are the national ones.
	const tels = await box.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
	expect(tels).toEqual(['tel:113', 'tel:114', 'tel:115']);
	const sms = await box.locator('a[href^="sms:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
	expect(sms).toEqual(['sms:156', 'sms:5656']);
});

async function tapTargets(page: Page, selector: string) {
	return page.locator(selector).evaluateAll((as) => as.map((a) => a.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
}

test('the safety chapter opens with 113, 114, 115 as big tap-to-call buttons, and 156/5656 as SMS links', async ({ page }) => {
	await page.goto(`${BASE}an-toan/`);
	const emergency = page.locator('.emergency').first();
	await expect(emergency).toBeVisible();
	for (const [n, label] of [['113', 'Công an'], ['114', 'Cứu hỏa'], ['115', 'Cấp cứu']])
		await expect(emergency.getByRole('link', { name: new RegExp(`${n}.*${label}`) })).toHaveAttribute('href', `tel:${n}`);
	for (const size of await tapTargets(page, '.emergency a')) expect(size).toBeGreaterThanOrEqual(48);
	// The box comes before the first scam, where a frightened reader looks first.
	const first = await page.evaluate(() => {
		const box = document.querySelector('.emergency')!;
		const h2 = document.querySelector('.sl-markdown-content h2')!;
		return !!(box.compareDocumentPosition(h2) & Node.DOCUMENT_POSITION_FOLLOWING);
	});
	expect(first).toBe(true);
	const report = page.locator('#kiem-tra-va-bao-cao ~ p').first();
	await expect(report.getByRole('link', { name: '156' })).toHaveAttribute('href', 'sms:156');
	await expect(report.getByRole('link', { name: '5656' })).toHaveAttribute('href', 'sms:5656');
});

test('the safety chapter warns of the “chuyển nhầm tiền” trick and the fake “phạt nguội” SMS', async ({ page }) => {
	await page.goto(`${BASE}an-toan/`);
	await expect(page.locator('#chuyen-nham-tien')).toBeVisible();
	await expect(page.locator('#trang-web-gia ~ p').filter({ hasText: 'phạt nguội' })).toContainText('Cổng Dịch vụ công quốc gia');
});

test('the home page shows every criterion by its plain title and its “đạt khi” line', async ({ page }) => {
	await page.goto(BASE);
	const items = page.locator('.criteria li');
	await expect(items).toHaveCount(criteria.length);
	for (const [i, c] of criteria.entries()) {
		const item = items.nth(i);
		await expect(item.getByRole('link', { name: c.title, exact: true })).toBeVisible();
		await expect(item.locator('.pass-when')).toHaveText(`Đạt khi: ${c.passWhen}`);
	}
});

test('the household sheet lists each criterion with its “đạt khi” line and a box for the short code', async ({ page }) => {
	await page.goto(`${BASE}in/phieu-tu-danh-gia/`);
	const rows = page.locator('.checklist-sheet tbody tr:has(td)');
	await expect(rows).toHaveCount(criteria.length);
	for (const [i, c] of criteria.entries()) {
		await expect(rows.nth(i)).toContainText(c.title);
		await expect(rows.nth(i)).toContainText(`Đạt khi: ${c.passWhen}`);
	}
	await expect(page.locator('.code-field')).toContainText('Mã ngắn của hộ');
	await expect(page.locator('.code-boxes > span')).toHaveCount(8);
});

test('on paper, every word of the household sheet is at least 11 pt', async ({ page }) => {
	await page.goto(`${BASE}in/phieu-tu-danh-gia/`);
	await page.emulateMedia({ media: 'print' });
	const small = await page.locator('.checklist-sheet').evaluate((sheet) => {
		const found: string[] = [];
		const walker = document.createTreeWalker(sheet, NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const el = n.parentElement!;
			if (!n.textContent?.trim() || !el.checkVisibility()) continue;
			const px = parseFloat(getComputedStyle(el).fontSize);
			// 11 pt = 14.67 px; half a pixel of rounding allowed.
			if (px < 14.6) found.push(`${n.textContent.trim().slice(0, 30)} (${(px * 0.75).toFixed(1)} pt)`);
		}
		return found;
	});
	expect(small).toEqual([]);
});

test('where the plan’s wording names “Tây Ninh Số”, its correction stands beside it', async ({ page }) => {
	const corrected = criteria.find((c) => c.correction)!;
	let seen = 0;
	for (const path of ['', 'xa-hoi-so/', 'in/phieu-tu-danh-gia/']) {
		await page.goto(`${BASE}${path}`);
		// Every element whose own words name the app, with the list item or table row it stands in.
		const places = await page.locator('main *').evaluateAll((els) =>
			els
				.filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.includes('Tây Ninh Số')))
				.map((e) => (e.closest('li, tr') ?? e).textContent ?? '')
		);
		for (const text of places) expect(flat(text), path || 'home').toContain(flat(corrected.correction!));
		seen += places.length;
	}
	// The group page shows the plan's wording, so the check above did look at one.
	expect(seen).toBeGreaterThan(0);
	// The lesson itself quotes the plan at its top: the correction is in the same box.
	await page.goto(`${BASE}xh-3/`);
	await expect(page.locator('.criterion-box .wording')).toContainText('Tây Ninh Số');
	await expect(page.locator('.criterion-box')).toContainText(`Đính chính: ${flat(corrected.correction!)}`);
});

test('cq-3 says where UBND xã’s decision on the province’s Zalo OA stands', async ({ page }) => {
	await page.goto(`${BASE}cq-3/`);
	const decision = page.locator('.commune-decision');
	await expect(decision).toHaveAttribute('data-status', 'undecided');
	await expect(decision).toContainText('Hành chính công tỉnh Gia Lai');
	await expect(decision).toContainText('UBND xã chưa quyết định');
});
