/** Figures read from the built files, without a browser. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

/** Bytes a file costs sent with brotli: the .br the build wrote, else brotli it ourselves. */
export function brotliSize(file) {
	if (existsSync(`${file}.br`)) return statSync(`${file}.br`).size;
	// precompress.ts writes no .br where it saves under 10 %: nginx then sends the file itself.
	const body = readFileSync(file);
	const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
	return Math.min(br, body.length);
}

function filesUnder(dir) {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile())
		.map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

/** Every page (index.html) with its brotli size, largest first. */
export function htmlSizes(dist) {
	return filesUnder(dist)
		.filter((f) => f === 'index.html' || f.endsWith('/index.html'))
		.map((f) => ({ page: f.replace(/index\.html$/, ''), br: brotliSize(join(dist, f)), raw: statSync(join(dist, f)).size }))
		.sort((a, b) => b.br - a.br);
}

/** The URLs sw.js precaches at install, read from its Workbox manifest. */
export function precacheUrls(dist) {
	const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
	// sw.js is built from src/sw/sw.ts with Workbox injectManifest, which writes the list as JSON.
	const list = /\[\{"revision"[\s\S]*?\}\]/.exec(sw);
	if (list) return JSON.parse(list[0]).map((e) => e.url);
	return [...sw.matchAll(/\{url:"([^"]+)",revision:(?:"[^"]*"|null)\}/g)].map((m) => m[1]);
}

/** A site URL ("/gia-dinh-so/offline/") to its file in dist ("offline/index.html"). */
export function fileForUrl(url, base) {
	const path = url.slice(base.length);
	return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/**
 * "Lưu để dùng khi không có mạng": what offline.json says the pages and search cost, plus the
 * shell the service worker precaches at install (it is part of having the site offline), and the
 * PDFs apart since they are optional.
 */
export function offlineBundle(dist, base) {
	const bundle = JSON.parse(readFileSync(join(dist, 'offline.json'), 'utf8'));
	const shell = precacheUrls(dist).map((url) => ({ url, br: brotliSize(join(dist, fileForUrl(url, base))) }));
	const shellBytes = shell.reduce((n, f) => n + f.br, 0);
	// The home page is both precached and saved with the pages: both downloads happen.
	const inBoth = shell.filter((f) => bundle.pages.includes(f.url));
	return {
		pages: { count: bundle.pages.length, bytes: bundle.bytes.pages },
		search: { count: bundle.search.length, bytes: bundle.search.length ? bundle.bytes.search : 0 },
		shell: { count: shell.length, bytes: shellBytes, alsoInPages: inBoth.map((f) => f.url), files: shell },
		pdfs: { count: bundle.pdfs.length, bytes: bundle.bytes.pdfs },
		assets: { count: bundle.assets?.length ?? 0, bytes: bundle.bytes.assets ?? 0 },
		total: bundle.bytes.pages + bundle.bytes.search + (bundle.bytes.assets ?? 0) + shellBytes,
	};
}

/** One GET to the server as a browser would make it; counts the body bytes as sent (undecoded). */
export function served(url, acceptEncoding) {
	return new Promise((resolve, reject) => {
		const req = request(url, { headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
			let body = 0;
			res.on('data', (chunk) => (body += chunk.length));
			res.on('end', () => resolve({ status: res.statusCode, encoding: res.headers['content-encoding'] ?? 'identity', body }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end();
	});
}

/** The lessons: criteria.json's lesson URLs (criteria without a lesson have none). */
export function lessonUrls(dist) {
	const criteria = JSON.parse(readFileSync(join(dist, 'criteria.json'), 'utf8'));
	return criteria.filter((c) => c.url).map((c) => c.url);
}

export function checkDist(dist) {
	const missing = ['index.html', 'criteria.json', 'offline.json', 'sw.js'].filter((f) => !existsSync(join(dist, f)));
	if (missing.length) throw new Error(`${dist} is not a complete build (missing ${missing.join(', ')}): run "npm run build", or pass --dist <dir>.`);
}
