/**
 * The post-build steps that change pages, through the HTML parser: they change what they mean to
 * and keep every other byte (the inline scripts' CSP hashes depend on it).
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fillPdfLinks } from './pdf';
import { fillOfflineSizes } from './offline';
import { augmentForIndex, indexedText } from './search-index';
import { inlineScriptHashes } from './headers';
import { AFTER_PAINT_LOADER, deferToAfterPaint } from './after-paint';
import { unusedCustomProperties } from './css-trim';

const page = (body: string) =>
	`<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="description" content="Đăng ký &amp; định danh"><script>if(a<b&&c)x()</script></head><body>${body}</body></html>`;

describe('pages changed through the parser', () => {
	it('writes a PDF size into its link, and removes the link of a PDF that was not made', () => {
		const html = page(
			`<p class="pdf-link screen-only" data-pdf="cq-1"><a href="/pdf/cq-1.pdf" download>Tải bản in (PDF<span data-pdf-size class="x"></span>)</a></p>` +
				`<p class="pdf-link" data-pdf="cq-2"><a href="/pdf/cq-2.pdf">Tải (PDF<span data-pdf-size></span>)</a></p><p>Sau</p>`
		);
		const out = fillPdfLinks(html, new Map([['cq-1', 87_000]]));
		expect(out).toContain('<span data-pdf-size class="x">, 85 KB</span>');
		expect(out).not.toContain('cq-2');
		// Nothing else moved: the page is the old one with the size added and the second paragraph cut.
		expect(out).toBe(
			html
				.replace('<span data-pdf-size class="x"></span>', '<span data-pdf-size class="x">, 85 KB</span>')
				.replace(`<p class="pdf-link" data-pdf="cq-2"><a href="/pdf/cq-2.pdf">Tải (PDF<span data-pdf-size></span>)</a></p>`, '')
		);
	});

	it('fills the offline sizes only in place of the "…" placeholder', () => {
		const html = page(`<button>Lưu (≈ <span data-offline-size="pages+search" class="a">…</span>)</button><span data-offline-size="pdfs">…</span><span>…</span>`);
		const out = fillOfflineSizes(html, { bytes: { pages: 300 * 1024, search: 200 * 1024, assets: 50 * 1024, pdfs: 3_635 * 1024 } } as never);
		expect(out).toContain('<span data-offline-size="pages+search" class="a">550 KB</span>');
		expect(out).toContain('<span data-offline-size="pdfs">3.635 KB</span>');
		expect(out).toContain('<span>…</span>');
	});
});

describe('what the search index sees', () => {
	const html = page(
		`<nav>Thanh bên</nav><main data-pagefind-body><h1>Định danh</h1><p>Bước&nbsp;1: mở <strong>VNeID</strong></p>` +
			`<div data-pagefind-ignore><span>Đọc</span> cho tôi nghe</div><template><p>Đạt</p></template><script>var đ=1</script></main>`
	);

	it('is the body marked for Pagefind, entities decoded, without ignored parts, templates or scripts', () => {
		expect(indexedText(html)).toBe('Định danh Bước 1: mở VNeID');
	});

	it('gains the description, the keywords and the "d" copies of "đ" words, inside the indexed body', () => {
		const out = augmentForIndex(html, { keywords: ['CCCD', 'định danh'] });
		expect(out.startsWith(html.slice(0, html.indexOf('</main>')))).toBe(true);
		expect(out).toContain('<div data-pagefind-meta="description">Đăng ký &#x26; định danh</div>');
		expect(out).toContain('<div data-pagefind-weight="10">CCCD · định danh · CCCD · dịnh danh</div>');
		expect(out).toContain('<div data-pagefind-weight="1">Dịnh Dăng dịnh</div>');
		// The ignored "Đọc" gets no copy: Pagefind does not index it either.
		expect(out).not.toContain('Dọc');
	});
});

describe('the CSP hashes', () => {
	it('are the hashes of the inline scripts exactly as written, not of scripts with src', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'gds-csp-'));
		try {
			writeFileSync(join(dir, 'index.html'), page('<script src="/a.js"></script><script type="module">import "./x.js";</script>'));
			const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
			expect(await inlineScriptHashes(dir)).toEqual([hash('if(a<b&&c)x()'), hash('import "./x.js";')].sort());
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('scripts and the manifest after the first paint', () => {
	const html = page(
		`<link rel="manifest" href="/m.webmanifest"><p>Bài</p><script type="module" src="/_astro/a.js"></script>` +
			`<script type="application/json" data-x>{"a":1}</script><script type="module">var m=1</script><script type="module" src="/_astro/b.js"></script><p>Hết</p>`
	);
	const out = deferToAfterPaint(html);

	it('gives every module script with src an inert type, in place, and adds the loader once, after the last', () => {
		expect(out).toContain('<script type="gds/after-paint" src="/_astro/a.js"></script><script type="application/json" data-x>');
		expect(out).toContain(`<script type="gds/after-paint" src="/_astro/b.js"></script><script type="module">${AFTER_PAINT_LOADER}</script><p>Hết</p>`);
		expect(out.split(AFTER_PAINT_LOADER)).toHaveLength(2);
		expect(out).not.toMatch(/<script type="module" src=/);
	});

	it('leaves inline scripts and data alone, and takes the rel of the manifest link until the loader gives it back', () => {
		expect(out).toContain('<script type="module">var m=1</script>');
		expect(out).toContain('<link data-rel="manifest" href="/m.webmanifest">');
		expect(out).not.toMatch(/\srel="manifest"/);
	});

	it('leaves a page without module scripts as it is, and changes nothing twice', () => {
		const plain = page('<link rel="manifest" href="/m.webmanifest"><p>In</p>');
		expect(deferToAfterPaint(plain)).toBe(plain);
		expect(deferToAfterPaint(out)).toBe(out);
	});
});

describe('custom properties nothing reads', () => {
	const css =
		':root{--a:1px;--b:var(--c);--c:red;--d:blue;--e:var(--f,var(--g));--f:0;--g:1;--h:2;--i:3}' +
		'.x{margin:var(--a);color:var(--b)}.y{--w:var(--e)}';

	it('are found through var() outside custom properties, through the values of those read, and by name in pages and scripts', () => {
		// --b is read by .x and reads --c; --e is read only by --w, which nothing reads; --i is set in a page.
		expect([...unusedCustomProperties(css, new Set(['--i']))].sort()).toEqual(['--d', '--e', '--f', '--g', '--h', '--w']);
		expect([...unusedCustomProperties(css, new Set(['--w', '--i']))].sort()).toEqual(['--d', '--h']);
	});
});
