/**
 * The project's own build steps: it reports criteria without lessons when the build starts, and
 * writes the files the portal needs once the pages are built.
 */
import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { staleLessons, type SiteData } from '../data/load';
import { formatDate } from '../lib/date';
import { checkBuiltLinks } from './link-check';
import { criteriaManifest } from './manifest';
import { buildSearchIndex } from './search-index';
import { loadSearchSynonyms } from '../data/search-synonyms';
import { buildPdfs } from './pdf';
import { buildOfflineBundle, fillOfflineSizes, writeServiceWorker } from './offline';
import { precompress } from './precompress';
import { trimCss } from './css-trim';
import { shortenScopeClasses } from './scope-names';
import { writeServerConfig } from './headers';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BOOKLET, SHEETS } from '../lib/sheets';
import { DATA_DIR } from '../data/load';
import { dataModulePlugin } from './data-module';
import { siteIdentity } from '../data/identity';

async function rewriteHtml(dir: string, change: (html: string) => string) {
	for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
		if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
		const file = join(entry.parentPath, entry.name);
		const html = await readFile(file, 'utf8');
		const changed = change(html);
		if (changed !== html) await writeFile(file, changed);
	}
}

export default function giaDinhSo(data: SiteData): AstroIntegration {
	let base = '/';
	return {
		name: 'gia-dinh-so',
		hooks: {
			'astro:config:setup': ({ config, logger, updateConfig, addWatchFile }) => {
				base = config.base;
				updateConfig({ vite: { plugins: [dataModulePlugin(data)] } });
				// `astro dev` restarts (and reloads the data) when a data file changes.
				const dataDir = new URL(`${DATA_DIR}/`, config.root);
				for (const file of readdirSync(dataDir)) if (file.endsWith('.yaml')) addWatchFile(new URL(file, dataDir));
				// Checked now, before any page is built: a mistake in the search words stops the build at once.
				loadSearchSynonyms();
				if (data.missingLessons.length)
					logger.warn(`Các tiêu chí chưa có bài học: ${data.missingLessons.join(', ')}`);
				for (const lesson of staleLessons(data.lessons))
					logger.warn(`${lesson.file}: kiểm tra lại thông tin: lần cuối ngày ${formatDate(lesson.data.checked!)}, đã hơn 6 tháng.`);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				const kb = (n: number) => Math.round(n / 1024);
				await writeFile(`${out}/criteria.json`, JSON.stringify(criteriaManifest(data, base), null, '\t'));
				logger.info(`criteria.json: ${data.criteria.length} tiêu chí`);
				// PDFs first: their sizes are written into the pages before the pages are indexed.
				await buildPdfs(out, base, [
					...data.lessons.filter((l) => l.data.criterion).map((l) => ({ name: l.slug, path: `${l.slug}/` })),
					...SHEETS.map((s) => ({ name: s.slug, path: `in/${s.slug}/` })),
					{ name: BOOKLET.slug, path: `in/${BOOKLET.slug}/` },
				], logger);
				// Lessons' keywords from their frontmatter; every page's everyday words from search-synonyms.yaml.
				const extras = new Map([
					...data.lessons.map((l) => [l.slug, { keywords: l.data.keywords }] as const),
					// The glossary's terms are its keywords: "OTP (mã xác thực)" → OTP, mã xác thực.
					['tu-dien-so', { keywords: data.glossary.flatMap((g) => g.term.split(/\s*[()]\s*/).filter(Boolean)) }] as const,
				]);
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
				const pages = await buildSearchIndex(out, extras, loadSearchSynonyms(), menu);
				logger.info(`Pagefind: ${pages} trang trong chỉ mục tìm kiếm`);

				// The icon travels inside each page instead of costing every cold visit a request.
				// Escaped only where a data: address needs it (about 140 B less per page than encodeURIComponent).
				const icon = `data:image/svg+xml,${(await readFile(join(out, 'favicon.svg'), 'utf8'))
					.trim()
					.replaceAll('"', "'")
					.replace(/[<>#%]/g, (c) => encodeURIComponent(c))}`;
				await rewriteHtml(out, (html) =>
					html
						.replace(/(<link rel="shortcut icon" href=")[^"]*favicon\.svg"/, `$1${icon}"`)
						// Starlight's sidebar leaves a marker per group for its state persister, which this site
						// does not load (astro.config.mjs): empty elements that nothing reads.
						.replace(/<sl-sidebar-restore\b[^>]*><\/sl-sidebar-restore>/g, '')
						// Starlight's <Steps> styles are in the main stylesheet (src/components/steps.css): the
						// copy Astro inlines in each page with steps goes (only a <style> of steps rules alone).
						.replace(/<style>([^<]*)<\/style>/g, (block, css: string) =>
							css.includes('.sl-steps') && [...css.matchAll(/([^{};]+)\{/g)].every(([, selector]) => selector!.startsWith('@') || selector!.includes('.sl-steps')) ? '' : block
						)
						// Starlight's print.css is already in the main stylesheet (customCss in astro.config.mjs).
						.replace(/<link rel="stylesheet" href="[^"]*\/_astro\/print\.[\w-]+\.css" media="print"\s*\/?>/, '')
				);
				for (const file of await readdir(join(out, '_astro'))) if (/^print\.[\w-]+\.css$/.test(file)) await rm(join(out, '_astro', file));
				const scopes = await shortenScopeClasses(out);
				logger.info(`Lớp phạm vi của Astro: ${scopes} tên rút ngắn`);
				const css = await trimCss(out);
				logger.info(`CSS: bỏ các quy tắc không trang nào dùng, ${kb(css.before)} KB → ${kb(css.after)} KB`);

				const bundle = await buildOfflineBundle(out, base, siteIdentity(data.commune, data.criteria.length));
				await rewriteHtml(out, (html) => fillOfflineSizes(html, bundle));
				await writeServiceWorker(out, base, bundle.version);
				logger.info(
					`Dùng khi không có mạng: ${bundle.pages.length} trang ${kb(bundle.bytes.pages)} KB, tìm kiếm ${kb(bundle.bytes.search)} KB, mã và kiểu ${kb(bundle.bytes.assets)} KB, PDF ${kb(bundle.bytes.pdfs)} KB`
				);

				// Every file exists now: check every link before anything is published.
				const sources = new Map(data.lessons.map((l) => [`${l.slug ? `${l.slug}/` : ''}index.html`, l.file]));
				const broken = await checkBuiltLinks(out, base, data.commune.site.url, data.allowedDomains, (page) => sources.get(page));
				if (broken.length)
					throw new Error(`Liên kết hỏng hoặc dẫn ra ngoài các trang được phép:\n${broken.map((b) => `  - ${b}`).join('\n')}`);

				const headers = await writeServerConfig(out, base);
				logger.info(`Tiêu đề bảo mật: .nginx-headers.conf và .htaccess (${(headers['Content-Security-Policy']!.match(/sha256-/g) ?? []).length} mã băm script)`);

				// Said again at the end, where the clerk reads: facts older than six months.
				for (const lesson of staleLessons(data.lessons))
					logger.warn(`${lesson.file}: kiểm tra lại thông tin: lần cuối ngày ${formatDate(lesson.data.checked!)}, đã hơn 6 tháng.`);

				const packed = await precompress(out);
				logger.info(`Nén sẵn .br/.gz: ${packed.files} tệp, ${kb(packed.bytes)} KB → ${kb(packed.br)} KB (brotli)`);
			},
		},
	};
}
