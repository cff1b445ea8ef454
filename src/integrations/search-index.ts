/**
 * Builds the Pagefind index from the built pages, adding to each page (in the index only, never in
 * the published HTML) its keywords and a copy of its "đ" words written with "d", so that
 * "dinh danh" finds "định danh", and the villagers' own words rank the right lesson first.
 */
import { readFile, readdir, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { foldDd, foldedDdWords } from '../lib/fold';

export interface PageSearchExtras {
	keywords: string[];
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function decodeEntities(s: string): string {
	return s
		.replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
		.replace(/&#x([\da-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
		.replace(/&nbsp;/g, ' ')
		.replace(/&quot;/g, '"')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/** The text Pagefind would index: what is inside data-pagefind-body, without tags. */
export function indexedText(html: string): string {
	const start = html.indexOf('data-pagefind-body');
	if (start < 0) return '';
	const open = html.lastIndexOf('<', start);
	const tag = /^<(\w+)/.exec(html.slice(open))![1];
	const end = html.lastIndexOf(`</${tag}>`);
	const inner = html.slice(html.indexOf('>', start) + 1, end);
	return decodeEntities(
		inner
			.replace(/<(script|style|svg)[\s\S]*?<\/\1>/g, ' ')
			.replace(/<[^>]*data-pagefind-ignore[^>]*>[\s\S]*?<\/[^>]+>/g, ' ')
			.replace(/<[^>]+>/g, ' ')
	)
		.replace(/\s+/g, ' ')
		.trim();
}

/** The page as Pagefind should see it: its own body plus the keywords and folded words. */
export function augmentForIndex(html: string, extras: PageSearchExtras | undefined): string {
	const start = html.indexOf('data-pagefind-body');
	if (start < 0) return html;
	const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? '';
	const keywords = extras?.keywords ?? [];
	const folded = [...foldedDdWords(indexedText(html)), ...foldedDdWords(decodeEntities(description))];
	const extra =
		`<div data-pagefind-meta="description">${description}</div>` +
		(keywords.length ? `<div data-pagefind-meta="keywords" data-pagefind-ignore>${escapeHtml(keywords.join(', '))}</div>` : '') +
		(keywords.length
			? `<div data-pagefind-weight="10">${escapeHtml([...keywords, ...keywords.map(foldDd)].join(' · '))}</div>`
			: '') +
		(folded.length ? `<div data-pagefind-weight="1">${escapeHtml(folded.join(' '))}</div>` : '');
	const open = html.lastIndexOf('<', start);
	const tag = /^<(\w+)/.exec(html.slice(open))![1];
	const end = html.lastIndexOf(`</${tag}>`);
	return html.slice(0, end) + extra + html.slice(end);
}

async function htmlFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	return entries
		.filter((e) => e.isFile() && e.name.endsWith('.html'))
		.map((e) => join(e.parentPath, e.name))
		.sort();
}

/** Writes dist/pagefind/. `extrasBySlug` is keyed by the page's path below the base: "cq-1". */
export async function buildSearchIndex(outDir: string, extrasBySlug: Map<string, PageSearchExtras>) {
	const { index } = await pagefind.createIndex({ forceLanguage: 'vi' });
	if (!index) throw new Error('Pagefind không khởi động được.');
	let pages = 0;
	try {
		for (const file of await htmlFiles(outDir)) {
			const rel = relative(outDir, file).split(sep).join('/');
			if (rel === '404.html') continue;
			const html = await readFile(file, 'utf8');
			if (!html.includes('data-pagefind-body')) continue;
			const slug = rel.replace(/(^|\/)index\.html$/, '');
			// Pagefind adds the base itself: it knows it from where pagefind.js is served.
			const url = `/${slug ? `${slug}/` : ''}`;
			const { errors } = await index.addHTMLFile({ url, content: augmentForIndex(html, extrasBySlug.get(slug)) });
			if (errors.length) throw new Error(`Pagefind: ${rel}: ${errors.join('; ')}`);
			pages++;
		}
		const { errors } = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
		if (errors.length) throw new Error(`Pagefind: ${errors.join('; ')}`);
		// The site has its own search dialog and runs Pagefind without its worker: these are never loaded.
		for (const file of await readdir(join(outDir, 'pagefind')))
			if (/^pagefind-(ui|component-ui|modular-ui|highlight|worker)\./.test(file)) await rm(join(outDir, 'pagefind', file));
	} finally {
		await pagefind.close();
	}
	return pages;
}
