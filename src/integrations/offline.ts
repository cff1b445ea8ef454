/**
 * Keeps the site working with no signal. After the build it writes:
 * - manifest.webmanifest and its icons, so the site can sit on the phone's home screen;
 * - offline.json, the list (and real size, as the server sends it) of what "Lưu để dùng khi không
 *   có mạng" stores: every lesson and sheet, the hashed files they use, the search index, and,
 *   only if asked, the PDFs. Its version is a hash of those files: a rebuild that changes nothing
 *   keeps the version, and no phone's copy is marked stale;
 * - sw.js, built from src/sw/sw.ts (why it works the way it does is written there) with Workbox
 *   injectManifest. It precaches only the shell that the home page and the offline page need.
 */
import { createHash } from 'node:crypto';
import type { SiteIdentity } from '../data/identity';
import { readFile, readdir, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import sharp from 'sharp';
import { injectManifest } from 'workbox-build';
// The bundle's shape is shared with the service worker and the page that fill the caches.
import type { OfflineBundle } from '../lib/offline-shared';
import { attr, elements, ownText, parseHtml, replaceNode, applyEdits, type Edit } from './html';

async function files(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

/** Bytes the phone downloads: the brotli size for text, the file size for the rest. */
async function transferSize(path: string): Promise<number> {
	if (/\.(html|css|js|json|svg|webmanifest|pf_meta)$/.test(path) || /\.pagefind$/.test(path)) {
		const body = await readFile(path);
		return brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
	}
	return (await stat(path)).size;
}


async function writeManifest(out: string, base: string, { name, shortName, description, themeColor }: SiteIdentity) {
	await mkdir(join(out, 'icons'), { recursive: true });
	const svg = await readFile(join(out, 'favicon.svg'));
	for (const size of [192, 512]) await sharp(svg, { density: 72 * (size / 48) }).resize(size, size).png().toFile(join(out, 'icons', `icon-${size}.png`));
	const manifest = {
		name,
		short_name: shortName,
		description,
		lang: 'vi',
		dir: 'ltr',
		start_url: base,
		scope: base,
		display: 'standalone',
		background_color: '#ffffff',
		theme_color: themeColor,
		icons: [192, 512].map((s) => ({ src: `${base}icons/icon-${s}.png`, sizes: `${s}x${s}`, type: 'image/png', purpose: 'any' })),
	};
	await writeFile(join(out, 'manifest.webmanifest'), JSON.stringify(manifest, null, '\t'));
}

/**
 * Writes the manifest, its icons and offline.json; returns what "Lưu" stores and its size.
 * `stored`: the pages stored, as built files ("cq-1/index.html"): the route registry's choice.
 */
export async function buildOfflineBundle(
	out: string,
	base: string,
	site: SiteIdentity,
	stored: string[]
): Promise<OfflineBundle> {
	await writeManifest(out, base, site);
	const all = (await files(out)).sort();
	const missing = stored.filter((p) => !all.includes(p));
	if (missing.length) throw new Error(`offline.json: không có các trang ${missing.join(', ')} trong dist/`);
	const pagePaths = [...stored].sort();
	const searchPaths = all.filter((f) => f.startsWith('pagefind/') && !/pagefind-(ui|modular-ui|component-ui|highlight)\./.test(f));
	const pdfPaths = all.filter((f) => f.startsWith('pdf/') && f.endsWith('.pdf'));
	// The hashed styles and scripts, and the step pictures (hinh/: one icon sprite, a few drawings).
	const assetPaths = all.filter((f) => /^_astro\/[^/]+\.(css|js)$/.test(f) || /^hinh\/[^/]+\.svg$/.test(f));
	const sum = async (paths: string[]) => (await Promise.all(paths.map((p) => transferSize(join(out, p))))).reduce((a, b) => a + b, 0);
	const bundle: OfflineBundle = {
		version: await contentVersion(out, [...pagePaths, ...searchPaths, ...pdfPaths, ...assetPaths]),
		pages: pagePaths.map((p) => base + p.replace(/index\.html$/, '')),
		search: searchPaths.map((p) => base + p),
		pdfs: pdfPaths.map((p) => base + p),
		assets: assetPaths.map((p) => base + p),
		bytes: { pages: await sum(pagePaths), search: await sum(searchPaths), pdfs: await sum(pdfPaths), assets: await sum(assetPaths) },
	};
	await writeFile(join(out, 'offline.json'), JSON.stringify(bundle));
	return bundle;
}

/**
 * The offline version: the first 16 hex digits of a SHA-256 over every stored file's path and
 * bytes, in a fixed order. The pages are hashed before their "≈ N KB" is filled in, which the
 * same files always fill in the same way.
 */
export async function contentVersion(out: string, paths: string[]): Promise<string> {
	const hash = createHash('sha256');
	for (const path of [...paths].sort()) {
		hash.update(`${path}\0`);
		hash.update(await readFile(join(out, path)));
		hash.update('\0');
	}
	return hash.digest('hex').slice(0, 16);
}

/** Fills the "≈ N KB" of the save control (see src/components/OfflineSave.astro) into every page. */
export function fillOfflineSizes(html: string, bundle: OfflineBundle): string {
	const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`;
	const sizes: Record<string, string> = {
		'pages+search': kb(bundle.bytes.pages + bundle.bytes.search + bundle.bytes.assets),
		pdfs: kb(bundle.bytes.pdfs),
	};
	const edits: Edit[] = [];
	for (const span of elements(parseHtml(html))) {
		const size = span.tagName === 'span' ? sizes[attr(span, 'dataOfflineSize') ?? ''] : undefined;
		const placeholder = span.children[0];
		// The placeholder "…" is the span's only text; the size replaces it (a number: nothing to escape).
		if (size && span.children.length === 1 && placeholder?.type === 'text' && placeholder.value === '…') edits.push(replaceNode(placeholder, size));
	}
	return applyEdits(html, edits);
}

/** Lazy chunks that a shell page needs offline, by the element that loads them (see src/elements/site.ts). */
const LAZY_FOR_ELEMENT: Record<string, string> = { 'gds-offline': 'offline', 'gds-offline-save': 'offline', 'gds-stored-pages': 'offline' };

/**
 * The shell's hashed files: what the home page and the offline page link, what those scripts
 * import statically, and the lazy chunks of the controls those two pages show. Not the tally's
 * or the checklist's code: a household's first visit downloads only what it can use.
 */
export async function shellAssets(out: string, pages: string[]): Promise<string[]> {
	const found = new Set<string>();
	const queue: string[] = [];
	const names = (await readdir(join(out, '_astro'))).filter((f) => /\.(css|js)$/.test(f));
	for (const page of pages) {
		for (const element of elements(parseHtml(await readFile(join(out, page), 'utf8')))) {
			// What the page links (href, src) and what its inline module scripts import.
			const values = [...Object.keys(element.properties).map((p) => attr(element, p) ?? ''), element.tagName === 'script' ? ownText(element) : ''];
			for (const value of values) for (const [, file] of value.matchAll(/\/_astro\/([\w.-]+\.(?:css|js))\b/g)) queue.push(file!);
			const chunk = LAZY_FOR_ELEMENT[element.tagName];
			if (chunk) queue.push(...names.filter((n) => n.startsWith(`${chunk}.`)));
		}
	}
	while (queue.length) {
		const file = queue.pop()!;
		if (found.has(file)) continue;
		found.add(file);
		if (!file.endsWith('.js')) continue;
		const js = await readFile(join(out, '_astro', file), 'utf8');
		// Static imports only (import"./x.js", from"./x.js"), not import("./x.js").
		for (const [, dep] of js.matchAll(/(?:\bfrom|\bimport)\s*["'`]\.\/([\w.-]+\.js)["'`]/g)) queue.push(dep!);
	}
	return [...found].sort().map((f) => `_astro/${f}`);
}

/** Writes sw.js from src/sw/sw.ts; run last but for precompression, once every file it precaches is final. */
export async function writeServiceWorker(out: string, base: string, version: string) {
	const shell = ['index.html', 'offline/index.html'];
	const globPatterns = [...(await shellAssets(out, shell)), ...shell, 'manifest.webmanifest', 'offline.json'];
	const work = await mkdtemp(join(tmpdir(), 'gds-sw-'));
	try {
		const swSrc = join(work, 'sw.js');
		await esbuild({
			entryPoints: [fileURLToPath(new URL('../sw/sw.ts', import.meta.url))],
			outfile: swSrc,
			bundle: true,
			format: 'iife',
			target: 'es2020',
			minify: true,
			legalComments: 'none',
			// Workbox's own checks and logs are for development only.
			define: { 'process.env.NODE_ENV': '"production"' },
			logLevel: 'error',
		});
		const { warnings } = await injectManifest({
			swSrc,
			swDest: join(out, 'sw.js'),
			globDirectory: out,
			globPatterns,
			modifyURLPrefix: { '': base },
			// Precache entries are pages by their folder URL, as links point to them; offline.json's
			// revision is the offline version, which the worker reads as its own.
			manifestTransforms: [
				async (entries) => ({
					manifest: entries
						.map((e) => ({ ...e, url: e.url.replace(/index\.html$/, ''), revision: e.url.endsWith('offline.json') ? version : e.revision }))
						.sort((a, b) => a.url.localeCompare(b.url)),
				}),
			],
			// Hashed names change with their content: no need to re-download what the page just loaded.
			dontCacheBustURLsMatching: /^_astro\/|\/_astro\//,
		});
		if (warnings.length) throw new Error(`sw.js: ${warnings.join('; ')}`);
	} finally {
		await rm(work, { recursive: true, force: true });
	}
}
