/**
 * Keeps the site working with no signal. After the build it writes:
 * - manifest.webmanifest and its icons, so the site can sit on the phone's home screen;
 * - offline.json, the list (and real size, as the server sends it) of what "Lưu để dùng khi không
 *   có mạng" stores: every lesson and sheet, the search index, and, only if asked, the PDFs;
 * - sw.js, a Workbox service worker scoped to the base, which precaches only the shell (styles,
 *   scripts, the step pictures, the home page and the offline page) and serves pages network-first, falling back to
 *   what is stored, then to the offline page.
 */
import type { SiteIdentity } from '../data/identity';
import { readFile, readdir, mkdir, stat, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import sharp from 'sharp';
import { generateSW } from 'workbox-build';
// Cache names and the bundle's shape are shared with the page that fills the caches.
import { CACHES, type OfflineBundle } from '../lib/offline-client';


/** Pages never stored for offline use: they repeat other pages or make no sense offline. */
const NOT_STORED = ['404.html', 'in/tat-ca-bai-hoc/index.html', 'offline/index.html'];

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

/** Writes the manifest, its icons and offline.json; returns what "Lưu" stores and its size. */
export async function buildOfflineBundle(
	out: string,
	base: string,
	site: SiteIdentity,
	version: string
): Promise<OfflineBundle> {
	await writeManifest(out, base, site);
	const all = await files(out);
	const pagePaths = all.filter((f) => f.endsWith('index.html') && !NOT_STORED.includes(f) && !f.startsWith('pagefind/'));
	const searchPaths = all.filter((f) => f.startsWith('pagefind/') && !/pagefind-(ui|modular-ui|component-ui|highlight)\./.test(f));
	const pdfPaths = all.filter((f) => f.startsWith('pdf/') && f.endsWith('.pdf'));
	const sum = async (paths: string[]) => (await Promise.all(paths.map((p) => transferSize(join(out, p))))).reduce((a, b) => a + b, 0);
	const bundle: OfflineBundle = {
		version,
		pages: pagePaths.map((p) => base + p.replace(/index\.html$/, '')),
		search: searchPaths.map((p) => base + p),
		pdfs: pdfPaths.map((p) => base + p),
		bytes: { pages: await sum(pagePaths), search: await sum(searchPaths), pdfs: await sum(pdfPaths) },
	};
	await writeFile(join(out, 'offline.json'), JSON.stringify(bundle));
	return bundle;
}

/** Fills the "≈ N KB" of the save control (see src/components/OfflineSave.astro) into every page. */
export function fillOfflineSizes(html: string, bundle: OfflineBundle): string {
	const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`;
	return html
		.replace(/(<span data-offline-size="pages\+search"[^>]*>)…/g, `$1${kb(bundle.bytes.pages + bundle.bytes.search)}`)
		.replace(/(<span data-offline-size="pdfs"[^>]*>)…/g, `$1${kb(bundle.bytes.pdfs)}`);
}

/** Writes sw.js; run last but for precompression, once every file it precaches is final. */
export async function writeServiceWorker(out: string, base: string) {
	// Workbox copies these functions into sw.js as source text, so they cannot close over `base`:
	// they are written with the base already in them.
	type Match = (o: { request: Request; url: URL }) => boolean;
	const isPage = new Function('{ request, url }', `return request.mode === 'navigate' && url.pathname.startsWith(${JSON.stringify(base)});`) as Match;
	const under = (...folders: string[]) =>
		new Function('{ url }', `return ${JSON.stringify(folders.map((f) => `${base}${f}/`))}.some((p) => url.pathname.startsWith(p));`) as Match;
	const offlinePage = new Function(
		`return caches.match(${JSON.stringify(`${base}offline/`)}, { ignoreSearch: true }).then((r) => r || Response.error());`
	) as () => Promise<Response>;
	await generateSW({
		swDest: join(out, 'sw.js'),
		globDirectory: out,
		// The shell: styles, scripts, the home page, the offline page, the icon and the manifest.
		// The step pictures (hinh/: one icon sprite, a few drawings) too, so a stored lesson shows them offline.
		globPatterns: ['_astro/*.{css,js}', 'index.html', 'offline/index.html', 'favicon.svg', 'manifest.webmanifest', 'hinh/*.svg'],
		modifyURLPrefix: { '': base },
		// Precache entries are pages by their folder URL, as links point to them.
		manifestTransforms: [async (entries) => ({ manifest: entries.map((e) => ({ ...e, url: e.url.replace(/index\.html$/, '') })) })],
		// Hashed names change with their content: no need to re-download what the page just loaded.
		dontCacheBustURLsMatching: /^_astro\/|\/_astro\//,
		inlineWorkboxRuntime: true,
		mode: 'production',
		sourcemap: false,
		skipWaiting: false,
		clientsClaim: true,
		cleanupOutdatedCaches: true,
		navigateFallback: undefined,
		runtimeCaching: [
			{
				// Pages: fresh from the network when it answers within a few seconds, else the stored copy,
				// else the offline page that lists what is stored.
				urlPattern: isPage,
				handler: 'NetworkFirst',
				options: {
					cacheName: CACHES.pages,
					networkTimeoutSeconds: 5,
					plugins: [{ handlerDidError: offlinePage }],
				},
			},
			{
				urlPattern: under('pagefind'),
				handler: 'NetworkFirst',
				// Pagefind asks for pagefind-entry.json?ts=…: the stored copy has no query.
				options: { cacheName: CACHES.search, networkTimeoutSeconds: 5, matchOptions: { ignoreSearch: true } },
			},
			{
				urlPattern: under('pdf'),
				handler: 'NetworkFirst',
				options: { cacheName: CACHES.pdf, networkTimeoutSeconds: 5 },
			},
			{
				urlPattern: under('og', 'icons'),
				handler: 'StaleWhileRevalidate',
				options: { cacheName: CACHES.pages },
			},
		],
	});
}
