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
import { appendInside, applyEdits, attr, elements, parseHtml, serialize, type Element, type Root } from './html';

export interface PageSearchExtras {
	keywords: string[];
}

/** The element Pagefind indexes: the one marked data-pagefind-body. */
function indexedBody(tree: Root): Element | undefined {
	for (const element of elements(tree)) if (attr(element, 'dataPagefindBody') !== undefined) return element;
	return undefined;
}

/** The words of an element as Pagefind reads them: text only, one space between elements, no scripts, no ignored parts. */
function textOf(node: Element): string {
	const parts: string[] = [];
	const walk = (n: Element) => {
		for (const child of n.children) {
			if (child.type === 'text') parts.push(child.value);
			else if (child.type === 'element') {
				if (['script', 'style', 'svg'].includes(child.tagName) || attr(child, 'dataPagefindIgnore') !== undefined) parts.push(' ');
				else {
					parts.push(' ');
					walk(child);
					parts.push(' ');
				}
			}
		}
	};
	walk(node);
	return parts.join('').replace(/\s+/g, ' ').trim();
}

/** The text Pagefind would index: what is inside data-pagefind-body, without tags. */
export function indexedText(html: string): string {
	const body = indexedBody(parseHtml(html));
	return body ? textOf(body) : '';
}

const div = (properties: Element['properties'], text: string): Element => ({
	type: 'element',
	tagName: 'div',
	properties,
	children: [{ type: 'text', value: text }],
});

/** The page as Pagefind should see it: its own body plus the keywords and folded words. */
export function augmentForIndex(html: string, extras: PageSearchExtras | undefined): string {
	const tree = parseHtml(html);
	const body = indexedBody(tree);
	if (!body) return html;
	let description = '';
	for (const element of elements(tree))
		if (element.tagName === 'meta' && attr(element, 'name') === 'description') {
			description = attr(element, 'content') ?? '';
			break;
		}
	const keywords = extras?.keywords ?? [];
	const folded = [...foldedDdWords(textOf(body)), ...foldedDdWords(description)];
	const extra: Element[] = [div({ dataPagefindMeta: 'description' }, description)];
	if (keywords.length) {
		extra.push(div({ dataPagefindMeta: 'keywords', dataPagefindIgnore: '' }, keywords.join(', ')));
		extra.push(div({ dataPagefindWeight: '10' }, [...keywords, ...keywords.map(foldDd)].join(' · ')));
	}
	if (folded.length) extra.push(div({ dataPagefindWeight: '1' }, folded.join(' ')));
	return applyEdits(html, [appendInside(html, body, serialize(extra))]);
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
			if (!indexedBody(parseHtml(html))) continue;
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
