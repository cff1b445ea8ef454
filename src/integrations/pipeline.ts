/**
 * The post-build pipeline: what happens to dist/ after `astro build` has written the pages, as one
 * ordered list of named steps. Each step is a small function; the build log names each one
 * ("[gia-dinh-so:pdf] …"), and an error stops the build there, naming the step.
 *
 * Order matters:
 *  1. routes          the built pages are exactly the route registry's (src/data/routes.ts).
 *  2. criteria        criteria.json for the commune portal (src/integrations/manifest.ts).
 *  3. pdf             prints each lesson, sheet and the booklet with Chromium (PDF=0 skips it), then
 *                     writes each "Tải bản in (PDF, 85 KB)" size into the pages (src/integrations/pdf.ts).
 *                     First: the sizes are part of the pages that the next steps index, store and hash.
 *  4. search          the Pagefind index, with keywords and everyday words, and gds-search.json
 *                     (src/integrations/search-index.ts).
 *  5. starlight-extras drops what Starlight writes that this site has elsewhere: its print.css link and
 *                     file and the <Steps> styles inlined in each page (both in the main stylesheet), and
 *                     the sidebar-state markers its persister would read (not loaded: astro.config.mjs).
 *  6. scope-names     Astro's scope classes renamed _0, _1… in pages and styles alike (scope-names.ts).
 *  7. css-trim        drops the style rules no page uses; renames the trimmed files (css-trim.ts).
 *  8. after-paint     the pages' module scripts and manifest load after the first paint (after-paint.ts).
 *  9. offline         manifest, icons, offline.json (the pages the registry stores), and the
 *                     "≈ N KB" of the save control in every page (src/integrations/offline.ts).
 * 10. service-worker  sw.js from src/sw/sw.ts, precaching the shell; every file it lists is final now.
 * 11. links           every link of every page leads somewhere that exists and is allowed (link-check.ts).
 * 12. server-config   .nginx-headers.conf and .htaccess, with the hash of every inline script (headers.ts).
 * 13. stale-facts     says again, at the end where the clerk reads, which lessons are older than six months.
 * 14. precompress     .br and .gz beside every text file (precompress.ts). Last: every file is final.
 *
 * Pages are read and changed through an HTML parser (src/integrations/html.ts), never with regular
 * expressions; a change touches only the nodes it means to, the rest keeps its bytes.
 * What can be done while rendering is done there, not here (the favicon is inlined by
 * src/components/overrides/Head.astro).
 */
import type { AstroIntegrationLogger } from 'astro';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { staleLessons, type SiteData } from '../data/load';
import { routeFile, siteRoutes, type Route } from '../data/routes';
import { siteIdentity } from '../data/identity';
import type { SearchSynonyms } from '../data/search-synonyms';
import { formatDate } from '../lib/date';
import type { OfflineBundle } from '../lib/offline-shared';
import { deferToAfterPaint } from './after-paint';
import { trimCss } from './css-trim';
import { shortenScopeClasses } from './scope-names';
import { writeServerConfig } from './headers';
import { applyEdits, attr, builtPages, elements, ownText, parseHtml, replaceNode, rewritePages, type Edit } from './html';
import { checkBuiltLinks } from './link-check';
import { criteriaManifest } from './manifest';
import { buildOfflineBundle, fillOfflineSizes, writeServiceWorker } from './offline';
import { buildPdfs, fillPdfLinks, type PdfJob } from './pdf';
import { precompress } from './precompress';
import { buildSearchIndex } from './search-index';

/** What every step is given: dist/ as a folder, the base, the data, the route registry. */
export interface Build {
	out: string;
	base: string;
	data: SiteData;
	routes: Route[];
	/** content/data/search-synonyms.yaml, read and checked when the build started. */
	synonyms: SearchSynonyms;
	log: AstroIntegrationLogger;
	/** Set by the "offline" step, read by "service-worker". */
	bundle?: OfflineBundle;
}

export interface Step {
	name: string;
	run: (build: Build) => Promise<void>;
}

const kb = (n: number) => Math.round(n / 1024);

const warnStale = (build: Build) => {
	const stale = staleLessons(build.data.lessons);
	for (const lesson of stale)
		build.log.warn(`${lesson.file}: kiểm tra lại thông tin: lần cuối ngày ${formatDate(lesson.data.checked!)}, đã hơn 6 tháng.`);
	if (!stale.length) build.log.info('không bài nào có thông tin cũ hơn 6 tháng');
};

/** The built pages and the registry's are the same: a page nobody listed would be missed by the sidebar, the offline list and the PDFs. */
export async function checkRoutes({ out, routes, log }: Build) {
	const built = new Set((await builtPages(out)).map((p) => p.rel));
	const listed = new Set(routes.map(routeFile));
	const unlisted = [...built].filter((p) => !listed.has(p));
	const missing = [...listed].filter((p) => !built.has(p));
	if (unlisted.length || missing.length)
		throw new Error(
			[
				unlisted.length && `Trang được xây dựng nhưng không có trong src/data/routes.ts: ${unlisted.join(', ')}`,
				missing.length && `Trang có trong src/data/routes.ts nhưng không được xây dựng: ${missing.join(', ')}`,
			]
				.filter(Boolean)
				.join('\n')
		);
	log.info(`${routes.length} trang, đúng như src/data/routes.ts`);
}

async function writeCriteria({ out, base, data, log }: Build) {
	await writeFile(join(out, 'criteria.json'), JSON.stringify(criteriaManifest(data, base), null, '\t'));
	log.info(`criteria.json: ${data.criteria.length} tiêu chí`);
}

/** What the "pdf" step prints: each route of the registry that has a PDF. */
export const pdfJobs = (routes: Route[]): PdfJob[] => routes.flatMap((r) => (r.pdf ? [{ name: r.pdf, path: `${r.path}/` }] : []));

async function printPdfs({ out, base, routes, log }: Build) {
	const sizes = await buildPdfs(out, base, pdfJobs(routes), log);
	await rewritePages(out, (html) => fillPdfLinks(html, sizes));
}

async function indexForSearch({ out, data, routes, synonyms, log }: Build) {
	// Each page's own keywords from the registry; every page's everyday words from search-synonyms.yaml.
	const extras = new Map(routes.filter((r) => r.keywords.length).map((r) => [r.path, { keywords: r.keywords }]));
	const menu = data.groups.map((g) => ({
		name: g.name,
		path: `${g.id}/`,
		items: data.criteria
			.filter((c) => c.group === g.id)
			.flatMap((c) => {
				const lesson = data.lessons.find((l) => l.data.criterion === c.id);
				return lesson ? [[c.title, `${lesson.slug}/`] as [string, string]] : [];
			}),
	}));
	const pages = await buildSearchIndex(out, extras, synonyms, menu);
	log.info(`Pagefind: ${pages} trang trong chỉ mục tìm kiếm`);
}

/**
 * What Starlight writes into every page that this site has elsewhere, each a cost on every cold
 * visit. Starlight's Page.astro and Steps.astro write them and cannot be overridden, so they go here:
 * - the print.css link and file: its rules are in the main stylesheet (customCss in astro.config.mjs);
 * - the <Steps> styles Astro inlines in each page with steps: they are in the main stylesheet
 *   (the copy in src/styles/starlight-internals.css); only a <style> holding nothing but .sl-steps rules goes;
 * - the sidebar's empty <sl-sidebar-restore> markers, read only by the state persister this site
 *   does not load.
 */
async function dropStarlightExtras({ out, log }: Build) {
	const isPrintCss = (href: string | undefined) => !!href && /\/_astro\/print\.[\w-]+\.css$/.test(href);
	const onlySteps = (css: string) =>
		css.includes('.sl-steps') && [...css.matchAll(/([^{};]+)\{/g)].every(([, selector]) => selector!.trim().startsWith('@') || selector!.includes('.sl-steps'));
	const pages = await rewritePages(out, (html) => {
		const edits: Edit[] = [];
		for (const el of elements(parseHtml(html)))
			if (
				(el.tagName === 'link' && attr(el, 'media') === 'print' && isPrintCss(attr(el, 'href'))) ||
				(el.tagName === 'style' && onlySteps(ownText(el))) ||
				el.tagName === 'sl-sidebar-restore'
			)
				edits.push(replaceNode(el, ''));
		return applyEdits(html, edits);
	});
	for (const file of await readdir(join(out, '_astro'))) if (isPrintCss(`/_astro/${file}`)) await rm(join(out, '_astro', file));
	log.info(`print.css, kiểu <Steps> chép lại và dấu thanh bên: bỏ khỏi ${pages} trang`);
}

async function shortenScopes({ out, log }: Build) {
	log.info(`lớp phạm vi của Astro: ${await shortenScopeClasses(out)} tên rút ngắn`);
}

async function trimStyles({ out, log }: Build) {
	const css = await trimCss(out);
	log.info(`CSS: bỏ các quy tắc không trang nào dùng, ${kb(css.before)} KB → ${kb(css.after)} KB`);
}

async function deferScripts({ out, log }: Build) {
	log.info(`script và manifest tải sau lần hiện chữ đầu tiên: ${await rewritePages(out, deferToAfterPaint)} trang`);
}

async function storeOffline(build: Build) {
	const { out, base, data, routes, log } = build;
	const stored = routes.filter((r) => r.offline).map(routeFile);
	const bundle = await buildOfflineBundle(out, base, siteIdentity(data.commune, data.criteria.length), stored);
	await rewritePages(out, (html) => fillOfflineSizes(html, bundle));
	build.bundle = bundle;
	log.info(
		`Dùng khi không có mạng: ${bundle.pages.length} trang ${kb(bundle.bytes.pages)} KB, tìm kiếm ${kb(bundle.bytes.search)} KB, mã và kiểu ${kb(bundle.bytes.assets)} KB, PDF ${kb(bundle.bytes.pdfs)} KB`
	);
}

async function serviceWorker({ out, base, bundle, log }: Build) {
	if (!bundle) throw new Error('sw.js cần offline.json: bước "offline" phải chạy trước');
	await writeServiceWorker(out, base, bundle.version);
	log.info(`sw.js: phiên bản ${bundle.version}`);
}

/** Every file exists now: check every link before anything is published. */
async function checkLinks({ out, base, data, log }: Build) {
	const sources = new Map(data.lessons.map((l) => [`${l.slug ? `${l.slug}/` : ''}index.html`, l.file]));
	const broken = await checkBuiltLinks(out, base, data.commune.site.url, data.allowedDomains, (page) => sources.get(page));
	if (broken.length) throw new Error(`Liên kết hỏng hoặc dẫn ra ngoài các trang được phép:\n${broken.map((b) => `  - ${b}`).join('\n')}`);
	log.info('mọi liên kết đều dẫn tới trang có thật hoặc trang được phép');
}

async function serverConfig({ out, base, log }: Build) {
	const headers = await writeServerConfig(out, base);
	log.info(`Tiêu đề bảo mật: .nginx-headers.conf và .htaccess (${(headers['Content-Security-Policy']!.match(/sha256-/g) ?? []).length} mã băm script)`);
}

async function compress({ out, log }: Build) {
	const packed = await precompress(out);
	log.info(`Nén sẵn .br/.gz: ${packed.files} tệp, ${kb(packed.bytes)} KB → ${kb(packed.br)} KB (brotli)`);
}

/** The steps, in the order they run (see the list at the top). */
export const STEPS: Step[] = [
	{ name: 'routes', run: checkRoutes },
	{ name: 'criteria', run: writeCriteria },
	{ name: 'pdf', run: printPdfs },
	{ name: 'search', run: indexForSearch },
	{ name: 'starlight-extras', run: dropStarlightExtras },
	{ name: 'scope-names', run: shortenScopes },
	{ name: 'css-trim', run: trimStyles },
	{ name: 'after-paint', run: deferScripts },
	{ name: 'offline', run: storeOffline },
	{ name: 'service-worker', run: serviceWorker },
	{ name: 'links', run: checkLinks },
	{ name: 'server-config', run: serverConfig },
	{ name: 'stale-facts', run: async (build) => warnStale(build) },
	{ name: 'precompress', run: compress },
];

export async function runPipeline(out: string, base: string, data: SiteData, synonyms: SearchSynonyms, logger: AstroIntegrationLogger) {
	const build: Build = { out, base, data, routes: siteRoutes(data), synonyms, log: logger };
	for (const step of STEPS) {
		build.log = logger.fork(`${logger.label}:${step.name}`);
		try {
			await step.run(build);
		} catch (error) {
			build.log.error(`Bước "${step.name}" dừng việc xây dựng.`);
			throw error;
		}
	}
}
