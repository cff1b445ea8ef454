/**
 * Builds the Pagefind index from the built pages, adding to each page (in the index only, never in
 * the published HTML) its keywords, the residents' words for it from content/data/search-synonyms.yaml,
 * and a copy of its "đ" words written with "d", so that "dinh danh" finds "định danh", and the
 * villagers' own words rank the right lesson first. Beside it, gds-search.json for the search box.
 */
import { readFile, readdir, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { writeFile } from 'node:fs/promises';
import * as pagefind from 'pagefind';
import { foldAll, foldDd, foldedDdWords } from '../lib/fold';
import type { SearchSynonyms } from '../data/search-synonyms';
import { SEARCH_DATA_FILE, type SearchData } from '../lib/search-data';

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

/** The folded words of a text, as the search box compares them: "Định danh" → ["dinh", "danh"]. */
export function foldedWords(text: string): string[] {
	return foldAll(text.normalize('NFC')).toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** Pagefind's fragment files: gzip, a 12-byte signature, then JSON. */
async function readFragments(dir: string): Promise<Map<string, { url: string; meta: Record<string, string> }>> {
	const out = new Map<string, { url: string; meta: Record<string, string> }>();
	for (const name of await readdir(dir)) {
		if (!name.endsWith('.pf_fragment')) continue;
		const raw = gunzipSync(await readFile(join(dir, name)));
		out.set(name.replace(/\.pf_fragment$/, ''), JSON.parse(raw.subarray(12).toString('utf8')));
	}
	return out;
}

/** A group of the three, with its criteria, for the search's "nothing found" panel. */
export interface SearchMenuGroup {
	name: string;
	/** Path below the base, like "chinh-quyen-so/". */
	path: string;
	items: [title: string, path: string][];
}

/**
 * Writes dist/pagefind/: Pagefind's index of the built pages (with their keywords and the words of
 * search-synonyms.yaml) and the search box's own data (see src/lib/search-data.ts). `extrasBySlug`
 * is keyed by the page's path below the base: "cq-1".
 */
export async function buildSearchIndex(
	outDir: string,
	extrasBySlug: Map<string, PageSearchExtras>,
	synonyms: SearchSynonyms = { pages: new Map(), filler: [], scam: [] },
	menu: SearchMenuGroup[] = []
) {
	const { index } = await pagefind.createIndex({ forceLanguage: 'vi' });
	if (!index) throw new Error('Pagefind không khởi động được.');
	let pages = 0;
	const docFreq = new Map<string, number>();
	try {
		const files = [];
		for (const file of await htmlFiles(outDir)) {
			const rel = relative(outDir, file).split(sep).join('/');
			if (rel === '404.html') continue;
			const html = await readFile(file, 'utf8');
			if (!html.includes('data-pagefind-body')) continue;
			files.push({ rel, html, slug: rel.replace(/(^|\/)index\.html$/, '') });
		}
		const slugs = new Set(files.map((f) => f.slug));
		const unknown = [...synonyms.pages.keys()].filter((id) => !slugs.has(id));
		if (unknown.length)
			throw new Error(
				`content/data/search-synonyms.yaml, pages: không có trang nào tên ${unknown.map((u) => `“${u}”`).join(', ')}. Tên trang là địa chỉ của trang, ví dụ cq-1, an-toan, so-theo-doi/tong-hop.`
			);
		for (const { rel, html, slug } of files) {
			// The lesson's own keywords first, then the residents' words from search-synonyms.yaml.
			const keywords = [...new Set([...(extrasBySlug.get(slug)?.keywords ?? []), ...(synonyms.pages.get(slug) ?? [])])];
			const content = augmentForIndex(html, { keywords });
			for (const w of new Set(foldedWords(indexedText(content)))) docFreq.set(w, (docFreq.get(w) ?? 0) + 1);
			// Pagefind adds the base itself: it knows it from where pagefind.js is served.
			const url = `/${slug ? `${slug}/` : ''}`;
			const { errors } = await index.addHTMLFile({ url, content });
			if (errors.length) throw new Error(`Pagefind: ${rel}: ${errors.join('; ')}`);
			pages++;
		}
		const { errors } = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
		if (errors.length) throw new Error(`Pagefind: ${errors.join('; ')}`);
		const fragments = await readFragments(join(outDir, 'pagefind', 'fragment'));
		const data: SearchData = {
			pages: Object.fromEntries(
				[...fragments].map(([hash, f]) => [
					hash,
					[f.url.replace(/^\//, ''), f.meta.title ?? '', f.meta.description ?? '', f.meta.keywords ?? ''],
				])
			),
			// Most common first: a one-letter typo is read as the most common word it could be.
			words: [...docFreq]
				.filter(([w]) => w.length >= 2 && !/^\d+$/.test(w))
				.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
				.map(([w]) => w)
				.join(' '),
			filler: synonyms.filler,
			scam: synonyms.scam,
			menu: menu.map((g) => [g.name, g.path, g.items]),
		};
		await writeFile(join(outDir, 'pagefind', SEARCH_DATA_FILE), JSON.stringify(data));
		// The site has its own search dialog and runs Pagefind without its worker: these are never loaded.
		for (const file of await readdir(join(outDir, 'pagefind')))
			if (/^pagefind-(ui|component-ui|modular-ui|highlight|worker)\./.test(file)) await rm(join(outDir, 'pagefind', file));
	} finally {
		await pagefind.close();
	}
	return pages;
}
