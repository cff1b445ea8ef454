import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { loadSiteData } from '../../src/data/load';
import { FILE_NOTICES } from '../../src/lib/household-file';
import { NOTICES, STORAGE_KEY } from '../../src/lib/household-store';
import { decodeShortCode } from '../../src/lib/shortcode';
import { BASE, scriptsRan, settled, watch } from './helpers';

const CHECKLIST = `${BASE}gia-dinh-toi/`;
const { criteria, commune } = loadSiteData(process.cwd(), { env: {} });
const siteUrl = new URL(BASE, commune.site.url).href;

const answer = (page: Page, id: string, state: string) => page.locator(`input[name="${id}"][value="${state}"]`).check();
const total = (page: Page) => page.locator('[data-progress="all"]');
/** Pages in a PDF: page objects, not the /Pages tree node. */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
/**
 * The phone already holds `saved` when the checklist opens. It is stored once the page's script has
 * started (scripts load after the first paint), so the script meets it on the reload, as on a
 * phone, and not halfway through the first visit.
 */
async function storeThenReload(page: Page, saved: string) {
	await page.goto(CHECKLIST);
	await page.waitForFunction(() => !!customElements.get('gds-household'));
	await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [STORAGE_KEY, saved]);
	await page.reload();
}

test.describe('Gia đình tôi, the household checklist', () => {
	test('shows the 21 criteria in their groups, each with its self-check and real radio buttons', async ({ page }) => {
		const w = watch(page);
		await page.goto(CHECKLIST);
		await expect(page.locator('fieldset.criterion')).toHaveCount(criteria.length);
		await expect(page.locator('section.group h2')).toHaveText(['Chính quyền số', 'Kinh tế số', 'Xã hội số']);
		// "Không áp dụng" only where the criterion concerns businesses alone.
		await expect(page.locator('input[value="khong-ap-dung"]')).toHaveCount(2);
		await expect(page.locator('input[name="kt-2"][value="khong-ap-dung"]')).toHaveCount(1);
		await expect(page.locator('[data-criterion="cq-1"] .self-check li').first()).toContainText('VNeID');
		await expect(page.getByText('Câu trả lời chỉ lưu trên điện thoại này.')).toBeVisible();
		w.expectClean();
	});

	test('answers survive a reload', async ({ page }) => {
		const w = watch(page);
		await page.goto(CHECKLIST);
		await answer(page, 'cq-1', 'dat');
		await answer(page, 'kt-2', 'khong-ap-dung');
		await answer(page, 'xh-3', 'chua-dat');
		await expect(total(page)).toHaveText('đạt 1 / 20 tiêu chí áp dụng');
		await page.reload();
		await expect(page.locator('input[name="cq-1"][value="dat"]')).toBeChecked();
		await expect(page.locator('input[name="kt-2"][value="khong-ap-dung"]')).toBeChecked();
		await expect(page.locator('input[name="xh-3"][value="chua-dat"]')).toBeChecked();
		await expect(total(page)).toHaveText('đạt 1 / 20 tiêu chí áp dụng');
		await expect(page.locator('[data-progress="kinh-te-so"]')).toHaveText('đạt 0 / 6 tiêu chí áp dụng');
		w.expectClean();
	});

	test('answering sends nothing over the network', async ({ page }) => {
		const w = watch(page);
		await page.goto(CHECKLIST);
		await settled(page);
		const before = w.requests.length;
		for (const [id, state] of [['cq-1', 'dat'], ['cq-2', 'chua-dat'], ['kt-3', 'khong-ap-dung'], ['xh-1', 'dat'], ['xh-9', 'dat']])
			await answer(page, id!, state!);
		await page.locator('[data-criterion="cq-2"] .todo').waitFor();
		// The answers are saved on the phone, then a request the test makes itself (the positive
		// control) must be the first one seen since the page loaded: any request that answering
		// started would stand before it.
		await expect
			.poll(() => page.evaluate((key) => Object.keys(JSON.parse(localStorage.getItem(key) ?? '{}').answers ?? {}).length, STORAGE_KEY))
			.toBe(5);
		const control = `${BASE}criteria.json?kiem-tra`;
		await page.evaluate((url) => fetch(url).then((r) => r.ok), control);
		await expect.poll(() => w.requests.slice(before).map((r) => new URL(r.url()).pathname + new URL(r.url()).search)).toEqual([control]);
		w.expectClean();
	});

	test('9. shows "còn N tiêu chí chưa trả lời" until all are answered, then the short code, big, and the link to each lesson not yet met', async ({ page }) => {
		await page.goto(CHECKLIST);
		await expect(page.locator('.code-left')).toHaveText('Còn 21 tiêu chí chưa trả lời. Trả lời hết thì có mã để đọc cho Tổ trưởng.');
		await expect(page.locator('.code-value')).toBeEmpty();
		await answer(page, 'cq-1', 'dat');
		await answer(page, 'kt-2', 'khong-ap-dung');
		await expect(page.locator('.code-left')).toContainText('Còn 19 tiêu chí');
		await expect(page.getByRole('button', { name: 'Gửi mã cho Tổ trưởng' })).toBeHidden();
		for (const c of criteria) if (!['cq-1', 'kt-2'].includes(c.id)) await answer(page, c.id, 'chua-dat');
		await expect(page.locator('.code-left')).toBeHidden();
		const code = (await page.locator('.code-value').textContent())!;
		expect(code).toMatch(/^[2-9A-HJKMNP-Z]{3,4}-[2-9A-HJKMNP-Z]{3,4}$/);
		const decoded = decodeShortCode(criteria, code);
		expect([decoded['cq-1'], decoded['kt-2'], decoded['cq-2']]).toEqual(['dat', 'khong-ap-dung', 'chua-dat']);
		const size = await page.locator('.code-value').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
		expect(size).toBeGreaterThanOrEqual(32);
		await expect(page.locator('[data-criterion="cq-1"] .todo')).toBeHidden();
		await expect(page.locator('[data-criterion="kt-2"] .todo')).toBeHidden();
		await expect(page.locator('[data-criterion="cq-2"] .todo')).toHaveAttribute('href', `${BASE}cq-2/`);
	});

	test('the tap targets are at least 44 px high', async ({ page }) => {
		await page.goto(CHECKLIST);
		for (const target of [page.locator('label.choice').first(), page.locator('.todo').first(), page.getByRole('button', { name: 'Lưu ra tệp' })]) {
			const box = (await target.boundingBox())!;
			expect(box.height).toBeGreaterThanOrEqual(44);
		}
	});

	test('the filled-in checklist prints on one A4 side, without navigation', async ({ page }) => {
		await page.goto(CHECKLIST);
		for (const c of criteria) await answer(page, c.id, c.appliesTo === 'business' ? 'khong-ap-dung' : 'dat');
		const pdf = await page.pdf({ format: 'A4' });
		expect(pdfPages(pdf)).toBe(1);
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.page > header')).toBeHidden();
		await expect(page.locator('.tools')).toBeHidden();
		await expect(page.locator('.code-value')).toBeVisible();
	});

	test('corrupted saved answers are reported in one sentence, what can be read is kept and the page still works', async ({ page }) => {
		const w = watch(page);
		await storeThenReload(page, '{"kind":"gia-dinh-so/household","version":1,"answers":{"cq-1":"dat","kt-2":"khong-ap-dung","xh-');
		const notice = page.locator('gds-household .notice');
		await expect(notice).toHaveText(NOTICES.partlyRead(2));
		expect((await notice.textContent())!.match(/[.!?](\s|$)/g)).toHaveLength(1);
		await expect(page.locator('input[name="cq-1"][value="dat"]')).toBeChecked();
		await expect(page.locator('input[name="kt-2"][value="khong-ap-dung"]')).toBeChecked();
		await answer(page, 'cq-2', 'dat');
		await expect(total(page)).toHaveText('đạt 2 / 20 tiêu chí áp dụng');
		// Repaired once: the next visit is quiet and keeps everything.
		await page.reload();
		await expect(notice).toBeHidden();
		await expect(page.locator('input[name="cq-2"][value="dat"]')).toBeChecked();
		w.expectClean();
	});

	test('text that is not JSON at all starts an empty checklist with one sentence', async ({ page }) => {
		await storeThenReload(page, '\u0000garbage');
		await expect(page.locator('gds-household .notice')).toHaveText(NOTICES.unreadable);
		await expect(total(page)).toHaveText('đạt 0 / 21 tiêu chí áp dụng');
	});

	test('answers go to a file and come back from it; a file of the wrong kind is refused', async ({ page }) => {
		await page.goto(CHECKLIST);
		await answer(page, 'cq-1', 'dat');
		await answer(page, 'kt-3', 'khong-ap-dung');
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Lưu ra tệp' }).click()]);
		expect(download.suggestedFilename()).toMatch(/^gia-dinh-so-\d{4}-\d{2}-\d{2}\.json$/);
		// The page cannot know that the phone saved it: it says so.
		await expect(page.locator('.tools-status')).toContainText('Hãy mở mục Tải xuống xem tệp đã có chưa.');
		const saved = readFileSync((await download.path())!, 'utf8');
		expect(JSON.parse(saved)).toMatchObject({ kind: 'gia-dinh-so/household', answers: { 'cq-1': 'dat', 'kt-3': 'khong-ap-dung' } });

		const picker = page.locator('.tools input[type=file]');
		await picker.setInputFiles({ name: 'anh.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":"world"}') });
		await expect(page.locator('.tools-status')).toHaveText(FILE_NOTICES.notOurFile);
		await expect(page.locator('input[name="cq-1"][value="dat"]')).toBeChecked();

		page.once('dialog', (d) => d.accept());
		await page.getByRole('button', { name: 'Xóa hết câu trả lời' }).click();
		await expect(total(page)).toHaveText('đạt 0 / 21 tiêu chí áp dụng');

		await picker.setInputFiles({ name: 'gia-dinh-so.json', mimeType: 'application/json', buffer: Buffer.from(saved) });
		await expect(page.locator('.import-question')).toContainText('Mở tệp sẽ đổi 2 tiêu chí: CQ-1 chưa trả lời → đạt; KT-3 chưa trả lời → không áp dụng.');
		await page.getByRole('button', { name: 'Thay bằng tệp' }).click();
		await expect(page.locator('.tools-status')).toContainText('Đã mở tệp, có 2 câu trả lời.');
		await expect(page.locator('input[name="kt-3"][value="khong-ap-dung"]')).toBeChecked();
		await expect(total(page)).toHaveText('đạt 1 / 20 tiêu chí áp dụng');
	});

	test('3. opening a file never overwrites silently: it shows the change and asks, and one tap brings the old answers back', async ({ page }) => {
		await page.goto(CHECKLIST);
		for (const c of criteria) await answer(page, c.id, c.appliesTo === 'business' ? 'khong-ap-dung' : 'dat');
		const before = await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY);
		const picker = page.locator('.tools input[type=file]');
		const file = (answers: object, version = 1) => ({
			name: 'cu.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify({ kind: 'gia-dinh-so/household', version, criteria: criteria.map((c) => c.id), answers, savedAt: '' })),
		});
		// A valid file with one answer would have wiped 20 answers.
		await picker.setInputFiles(file({ 'xh-9': 'chua-dat' }));
		await expect(page.locator('.import-question')).toContainText('trên máy đang có 21');
		await expect(page.locator('.import-question')).toContainText('Mở tệp sẽ đổi 21 tiêu chí');
		await page.getByRole('button', { name: 'Giữ câu trả lời đang có' }).click();
		expect(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY)).toBe(before);
		await expect(total(page)).toHaveText('đạt 19 / 19 tiêu chí áp dụng');

		await picker.setInputFiles(file({ 'xh-9': 'chua-dat' }));
		await page.getByRole('button', { name: 'Thay bằng tệp' }).click();
		await expect(total(page)).toHaveText('đạt 0 / 21 tiêu chí áp dụng');
		await page.reload();
		await page.getByRole('button', { name: 'Lấy lại câu trả lời cũ' }).click();
		await expect(total(page)).toHaveText('đạt 19 / 19 tiêu chí áp dụng');

		// A file from a newer version is refused plainly, and nothing changes.
		await picker.setInputFiles(file({ 'xh-9': 'chua-dat' }, 2));
		await expect(page.locator('.tools-status')).toHaveText(FILE_NOTICES.newerFile);
		await expect(total(page)).toHaveText('đạt 19 / 19 tiêu chí áp dụng');
	});

	test('3. answers saved by a newer version of the page are shown, never rewritten', async ({ page }) => {
		const newer = JSON.stringify({ kind: 'gia-dinh-so/household', version: 2, answers: { 'cq-1': 'dat' }, notes: { 'cq-1': 'x' }, members: 4 });
		await storeThenReload(page, newer);
		await expect(page.locator('gds-household .notice')).toHaveText(NOTICES.newerRecord);
		await expect(page.locator('input[name="cq-1"][value="dat"]')).toBeChecked();
		await page.locator('input[name="cq-2"][value="dat"]').click();
		expect(await page.evaluate((k) => localStorage.getItem(k), STORAGE_KEY)).toBe(newer);
	});

	test('9. "Gửi mã cho Tổ trưởng" shares the code, "In phiếu của nhà tôi" prints one page at 11 pt or more, and the screen text is 16 px or more', async ({ page }) => {
		await page.addInitScript(() => {
			(window as unknown as { sent: string[] }).sent = [];
			Object.assign(navigator, { share: async (d: { text: string }) => void (window as unknown as { sent: string[] }).sent.push(d.text) });
		});
		await page.goto(CHECKLIST);
		for (const c of criteria) await answer(page, c.id, c.appliesTo === 'business' ? 'khong-ap-dung' : 'dat');
		const code = (await page.locator('.code-value').textContent())!;
		await page.getByRole('button', { name: 'Gửi mã cho Tổ trưởng' }).click();
		expect(await page.evaluate(() => (window as unknown as { sent: string[] }).sent)).toEqual([`Mã “Gia đình số” của nhà tôi: ${code}`]);

		for (const selector of ['.self-check li', 'legend .title', '.code-hint', 'label.choice']) {
			const size = await page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
			expect(size, selector).toBeGreaterThanOrEqual(16);
		}
		const printed = page.waitForFunction(() => (window as unknown as { printed?: boolean }).printed);
		await page.evaluate(() => (window.print = () => void ((window as unknown as { printed: boolean }).printed = true)));
		await page.getByRole('button', { name: 'In phiếu của nhà tôi' }).click();
		await printed;
		const pdf = await page.pdf({ format: 'A4' });
		expect(pdfPages(pdf)).toBe(1);
		await page.emulateMedia({ media: 'print' });
		for (const selector of ['legend .title', 'label.choice', '.code-value', '.group-progress']) {
			const pt = await page.locator(selector).first().evaluate((el) => (parseFloat(getComputedStyle(el).fontSize) * 72) / 96);
			expect(pt, selector).toBeGreaterThanOrEqual(11);
		}
	});

	test('reset asks first, in Vietnamese, and keeps the answers when the household says no', async ({ page }) => {
		await page.goto(CHECKLIST);
		await answer(page, 'cq-1', 'dat');
		// The tools load on first use: the question comes once they have.
		// Answered by a handler, not after the click: once the tools have loaded, confirm() runs inside
		// the click, and the click returns only when the question is answered.
		const asked: string[] = [];
		page.once('dialog', (dialog) => {
			asked.push(dialog.message());
			void dialog.dismiss();
		});
		await page.getByRole('button', { name: 'Xóa hết câu trả lời' }).click();
		await expect.poll(() => asked.length).toBe(1);
		expect(asked[0]).toMatch(/^Xóa hết câu trả lời/);
		await expect(page.locator('input[name="cq-1"][value="dat"]')).toBeChecked();
		await page.reload();
		await expect(page.locator('input[name="cq-1"][value="dat"]')).toBeChecked();
	});

	test('the lesson control and the checklist agree', async ({ page }) => {
		const w = watch(page);
		await page.goto(`${BASE}cq-1/`);
		const done = page.locator('gds-lesson-done');
		// The control loads as the reader scrolls down to it.
		await done.scrollIntoViewIfNeeded();
		await done.getByLabel('Đạt, đã làm được').check();
		await expect(done.locator('.progress')).toHaveText('cả nhà đạt 1 / 21 tiêu chí áp dụng');

		await done.getByRole('link', { name: 'Gia đình tôi' }).click();
		await expect(page.locator('input[name="cq-1"][value="dat"]')).toBeChecked();
		await answer(page, 'xh-2', 'dat');
		await answer(page, 'kt-2', 'khong-ap-dung');
		await expect(total(page)).toHaveText('đạt 2 / 20 tiêu chí áp dụng');

		await page.goto(`${BASE}xh-2/`);
		await done.scrollIntoViewIfNeeded();
		await expect(done.getByLabel('Đạt, đã làm được')).toBeChecked();
		await expect(done.locator('.progress')).toHaveText('cả nhà đạt 2 / 20 tiêu chí áp dụng');
		await done.getByLabel('Chưa đạt').check();

		// Back to the checklist through the browser's history (its page may come back from the cache).
		await page.goBack();
		await expect(page.locator('input[name="xh-2"][value="chua-dat"]')).toBeChecked();
		await expect(total(page)).toHaveText('đạt 1 / 20 tiêu chí áp dụng');
		w.expectClean();
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });

		test('is the blank checklist, and prints on one A4 side', async ({ page }) => {
			await page.goto(CHECKLIST);
			await expect(page.locator('fieldset.criterion')).toHaveCount(criteria.length);
			await expect(page.locator('input[type=radio]:checked')).toHaveCount(0);
			await expect(total(page)).toHaveText('đạt ____ / ____ tiêu chí áp dụng');
			await expect(page.locator('.tools')).toBeHidden();
			expect(pdfPages(await page.pdf({ format: 'A4' }))).toBe(1);
		});
	});
});

test.describe('sharing a lesson', () => {
	test('falls back to copying the link when the phone cannot share, and says so', async ({ page, context }) => {
		const w = watch(page);
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.addInitScript(() => {
			delete (Navigator.prototype as Partial<Navigator>).share;
			delete (Navigator.prototype as Partial<Navigator>).canShare;
		});
		await page.goto(`${BASE}cq-1/`);
		await page.getByRole('button', { name: 'Sao chép liên kết' }).click();
		await expect(page.locator('gds-share [role=status]')).toContainText('Đã sao chép liên kết');
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${siteUrl}cq-1/`);
		w.expectClean();
	});

	test('copies with the older method when the Clipboard API is refused', async ({ page }) => {
		await page.addInitScript(() => {
			delete (Navigator.prototype as Partial<Navigator>).share;
			Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('no', 'NotAllowedError')) } });
			const copied: string[] = ((window as unknown as { copied: string[] }).copied = []);
			document.execCommand = (command: string) => {
				if (command !== 'copy') return false;
				copied.push(String(document.getSelection()) || (document.activeElement as HTMLTextAreaElement).value);
				return true;
			};
		});
		await page.goto(`${BASE}kt-4/`);
		await page.getByRole('button', { name: 'Sao chép liên kết' }).click();
		await expect(page.locator('gds-share [role=status]')).toContainText('Đã sao chép liên kết');
		expect(await page.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([`${siteUrl}kt-4/`]);
	});

	test('uses the phone’s share sheet with a short Vietnamese message where there is one', async ({ page }) => {
		await page.addInitScript(() => {
			const shared: ShareData[] = ((window as unknown as { shared: ShareData[] }).shared = []);
			Object.defineProperty(Navigator.prototype, 'share', { configurable: true, value: async (data: ShareData) => void shared.push(data) });
		});
		await page.goto(`${BASE}cq-1/`);
		await page.getByRole('button', { name: 'Chia sẻ' }).click();
		const [data] = await page.evaluate(() => (window as unknown as { shared: ShareData[] }).shared);
		expect(data).toMatchObject({ title: 'Tài khoản định danh điện tử VNeID mức độ 2', url: `${siteUrl}cq-1/` });
		expect(data!.text).toMatch(/^Bài “Tài khoản định danh điện tử VNeID mức độ 2” trong sổ tay Gia đình số xã Kon Chiêng/);
	});

	test('every lesson has its own preview picture in its Open Graph tags (X reads them too)', async ({ page, request }) => {
		await page.goto(`${BASE}kt-2/`);
		const image = await page.locator('meta[property="og:image"]').getAttribute('content');
		expect(image).toBe(`${siteUrl}og/kt-2.png`);
		// X falls back to og:image without a twitter:image of its own (developer.x.com/cards/markup); the
		// large card is its own choice.
		await expect(page.locator('meta[name="twitter:image"]')).toHaveCount(0);
		await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
		await expect(page.locator('meta[property="og:image:width"]')).toHaveAttribute('content', '1200');
		const png = await request.get(`${BASE}og/kt-2.png`);
		expect(png.headers()['content-type']).toBe('image/png');
		expect((await png.body()).length).toBeLessThan(60 * 1024);
	});
});

/**
 * A stand-in for the phone's speech engine, with the voices given, recording what it is asked to
 * say. With `late`, the engine lists no voice until the test calls window.voicesArrive(), the way
 * real phones list their voices a moment after the page loads; voicesAsked counts getVoices calls.
 */
function fakeSpeech(page: Page, voices: { name: string; lang: string }[], { late = false } = {}) {
	return page.addInitScript(
		({ voices, late }) => {
			const log: { text: string; lang: string; voice?: string }[] = [];
			const calls: string[] = [];
			const engine = Object.assign(new EventTarget(), {
				speaking: false,
				paused: false,
				pending: false,
				getVoices: () => {
					asked++;
					return late && !ready ? [] : voices.map((v) => ({ ...v, localService: true, default: false, voiceURI: v.name }));
				},
				speak: (u: SpeechSynthesisUtterance) => void log.push({ text: u.text, lang: u.lang, voice: u.voice?.name }),
				cancel: () => void calls.push('cancel'),
				pause: () => void calls.push('pause'),
				resume: () => void calls.push('resume'),
			});
			let ready = false;
			let asked = 0;
			Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: engine });
			// The real utterance accepts only the browser's own voice objects.
			class Utterance extends EventTarget {
				lang = '';
				rate = 1;
				voice: unknown = null;
				constructor(public text: string) {
					super();
				}
			}
			Object.defineProperty(window, 'SpeechSynthesisUtterance', { configurable: true, value: Utterance });
			Object.assign(window, {
				spoken: log,
				speechCalls: calls,
				voicesAsked: () => asked,
				voicesArrive: () => {
					ready = true;
					engine.dispatchEvent(new Event('voiceschanged'));
				},
			});
		},
		{ voices, late }
	);
}

test.describe('listening to a lesson', () => {
	test('the button is not shown when the phone has no Vietnamese voice', async ({ page }) => {
		const w = watch(page);
		await fakeSpeech(page, [{ name: 'English', lang: 'en-US' }], { late: true });
		await page.goto(`${BASE}cq-1/`);
		await scriptsRan(page);
		// The voices arrive after the page has loaded. Listeners run while the event is dispatched,
		// so once voicesArrive returns the page has looked at them: it asked for them again
		// (the positive control), and found no Vietnamese voice.
		const asked = await page.evaluate(() => {
			const w = window as unknown as { voicesAsked: () => number; voicesArrive: () => void };
			const before = w.voicesAsked();
			w.voicesArrive();
			return w.voicesAsked() - before;
		});
		expect(asked, 'the page looks at the voices when they arrive').toBeGreaterThan(0);
		await expect(page.getByRole('button', { name: 'Nghe bài' })).toBeHidden();
		w.expectClean();
	});

	test('reads the lesson with the Vietnamese voice, pauses, resumes and stops when the page is left', async ({ page }) => {
		const w = watch(page);
		await fakeSpeech(page, [{ name: 'English', lang: 'en-US' }, { name: 'Tiếng Việt', lang: 'vi-VN' }], { late: true });
		await page.goto(`${BASE}cq-1/`);
		await expect(page.getByRole('button', { name: 'Nghe bài' })).toBeHidden();
		await page.evaluate(() => (window as unknown as { voicesArrive: () => void }).voicesArrive());
		const play = page.getByRole('button', { name: 'Nghe bài' });
		await play.click();
		const spoken = await page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string; voice: string }[] }).spoken);
		expect(spoken.length).toBeGreaterThan(10);
		for (const u of spoken) {
			expect(u).toMatchObject({ lang: 'vi-VN', voice: 'Tiếng Việt' });
			expect(u.text.length).toBeLessThanOrEqual(200);
		}
		const all = spoken.map((u) => u.text).join(' ');
		expect(spoken[0]!.text).toBe('Tài khoản định danh điện tử VNeID mức độ 2');
		expect(all).toContain('Mang thẻ căn cước gắn chip và điện thoại đến Công an xã.');
		// Controls, sources and paper-only parts are not read.
		for (const notLesson of ['Sao chép liên kết', 'Gia đình tôi đã làm được', 'Xem bài trên điện thoại', 'kiểm tra ngày', 'Tải bản in'])
			expect(all).not.toContain(notLesson);

		await page.getByRole('button', { name: 'Tạm dừng' }).click();
		await page.getByRole('button', { name: 'Nghe tiếp' }).click();
		await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
		expect(await page.evaluate(() => (window as unknown as { speechCalls: string[] }).speechCalls)).toEqual(['cancel', 'pause', 'resume', 'cancel']);
		await expect(play).toBeVisible();
		w.expectClean();
	});
});

test('the checklist and a lesson’s controls pass the accessibility checks', async ({ page }) => {
	const violations = async (selector: string) =>
		(await new AxeBuilder({ page }).include(selector).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
	test.setTimeout(60_000);
	// Checked as a reader meets them: once the scripts have run and set up the controls.
	await page.goto(CHECKLIST);
	await settled(page);
	await answer(page, 'cq-1', 'dat');
	expect(await violations('gds-household')).toEqual([]);
	await page.goto(`${BASE}kt-3/`);
	await settled(page);
	expect(await violations('gds-lesson-done')).toEqual([]);
	expect(await violations('.lesson-tools')).toEqual([]);
});

test('pages that are not lessons carry none of the lesson controls', async ({ page }) => {
	await page.goto(BASE);
	await expect(page.locator('gds-share, gds-listen, gds-lesson-done, gds-household')).toHaveCount(0);
	await page.goto(`${BASE}an-toan/`);
	await expect(page.locator('gds-share')).toHaveCount(1);
	await expect(page.locator('gds-lesson-done')).toHaveCount(0);
});
