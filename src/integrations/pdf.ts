/**
 * Prints each lesson and sheet to PDF with Chromium (through Playwright), exactly as a team
 * leader's Ctrl+P would, into dist/pdf/. Then each page's "Tải bản in (PDF, 85 KB)" link gets its
 * size, or is removed where no PDF could be made. A machine without Chromium still builds the
 * site and is told which PDFs were skipped.
 */
import { createRequire } from 'node:module';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { formatSize } from '../lib/size';
import { findChromium } from './chromium';
import { serveDir } from './static-server';
import { appendInside, applyEdits, attr, elements, parseHtml, replaceNode, serialize, type Edit } from './html';

export interface PdfJob {
	/** File name in dist/pdf/ without ".pdf". */
	name: string;
	/** Page path below the base: "cq-1/", "in/bang-tong-hop/". */
	path: string;
}

async function makePdfs(outDir: string, base: string, jobs: PdfJob[], logger: AstroIntegrationLogger): Promise<Set<string>> {
	const made = new Set<string>();
	if (process.env.PDF === '0') {
		logger.warn(`PDF=0: bỏ qua ${jobs.length} bản PDF.`);
		return made;
	}
	let chromium: typeof import('playwright-core').chromium;
	try {
		// Loaded by Node, not through Vite, whose module runner is closed once the build is done.
		({ chromium } = createRequire(import.meta.url)('playwright-core'));
	} catch {
		logger.warn(`Không có playwright-core (npm ci --omit=dev?): bỏ qua ${jobs.length} bản PDF: ${jobs.map((j) => j.name).join(', ')}.`);
		return made;
	}
	const executablePath = findChromium(chromium.executablePath());
	if (!executablePath) {
		logger.warn(
			`Không tìm thấy Chromium (cài bằng "apt-get install -y chromium"): trang web vẫn được xây dựng, nhưng bỏ qua ${jobs.length} bản PDF: ${jobs.map((j) => j.name).join(', ')}.`
		);
		return made;
	}
	await mkdir(join(outDir, 'pdf'), { recursive: true });
	const server = await serveDir(outDir, base);
	const browser = await chromium.launch({ executablePath, args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'] });
	try {
		const page = await browser.newPage();
		for (const job of jobs) {
			await page.goto(`${server.origin}${base}${job.path}`, { waitUntil: 'load' });
			await page.emulateMedia({ media: 'print' });
			// Step pictures load lazily, below the first screen: load every one before printing.
			await page.evaluate(() => Promise.all([...document.images].map((img) => ((img.loading = 'eager'), img.decode().catch(() => {})))));
			await page.pdf({ path: join(outDir, 'pdf', `${job.name}.pdf`), preferCSSPageSize: true, printBackground: true });
			made.add(job.name);
		}
	} finally {
		await browser.close();
		await server.close();
	}
	return made;
}

/** Fills in `<span data-pdf-size>` with ", 85 KB", or removes the link's paragraph when there is no PDF. */
export function fillPdfLinks(html: string, sizes: Map<string, number>): string {
	const edits: Edit[] = [];
	for (const p of elements(parseHtml(html))) {
		const name = p.tagName === 'p' && (attr(p, 'className') ?? '').split(' ').includes('pdf-link') ? attr(p, 'dataPdf') : undefined;
		if (!name) continue;
		const size = sizes.get(name);
		if (size === undefined) {
			edits.push(replaceNode(p, ''));
			continue;
		}
		const span = [...elements(p)].find((e) => e.tagName === 'span' && attr(e, 'dataPdfSize') !== undefined);
		if (span) edits.push(appendInside(html, span, serialize({ type: 'text', value: `, ${formatSize(size)}` })));
	}
	return applyEdits(html, edits);
}

/** Prints the PDFs; returns the size of each one made, by name. */
export async function buildPdfs(outDir: string, base: string, jobs: PdfJob[], logger: AstroIntegrationLogger) {
	const started = performance.now();
	const made = await makePdfs(outDir, base, jobs, logger);
	const sizes = new Map<string, number>();
	for (const name of made) sizes.set(name, (await stat(join(outDir, 'pdf', `${name}.pdf`))).size);
	if (made.size) {
		const total = [...sizes.values()].reduce((a, b) => a + b, 0);
		logger.info(`PDF: ${made.size} tệp, tổng ${formatSize(total)}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
	}
	return sizes;
}
