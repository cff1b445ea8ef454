/**
 * The project's own build steps: it reports criteria without lessons when the build starts, and
 * writes the files the portal needs once the pages are built.
 */
import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { staleLessons, type SiteData } from '../data/load';
import { formatDate } from '../lib/date';
import { checkBuiltLinks } from './link-check';
import { criteriaManifest } from './manifest';
import { buildSearchIndex } from './search-index';
import { buildPdfs } from './pdf';
import { buildOfflineBundle, fillOfflineSizes, writeServiceWorker } from './offline';
import { precompress } from './precompress';
import { trimCss } from './css-trim';
import { writeServerConfig } from './headers';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BOOKLET, SHEETS } from '../lib/sheets';

/** Words people type for the pages made in src/pages (lessons carry theirs in frontmatter). */
const PAGE_KEYWORDS: Record<string, string[]> = {
	'tu-dien-so': ['từ điển', 'từ điển số', 'giải thích từ', 'từ khó', 'nghĩa là gì'],
	'gia-dinh-toi': ['gia đình tôi', 'tự đánh giá', 'mã ngắn', 'đã đạt', 'phiếu của nhà mình'],
	'so-theo-doi': ['sổ theo dõi', 'tổ trưởng', 'tổng hợp làng', 'xuất CSV', 'danh sách hộ'],
	'so-theo-doi/tong-hop': ['tổng hợp xã', 'báo cáo', 'tỉ lệ hộ đạt', 'CSV các làng'],
	in: ['bản in', 'in phiếu', 'PDF', 'tải về', 'phiếu tự đánh giá', 'bảng tổng hợp', 'danh sách tham dự'],
};

/** Names for the home-screen icon and the web app manifest. */
export const SITE = {
	name: 'Gia đình số Kon Chiêng',
	shortName: 'Gia đình số',
	description: 'Sổ tay phong trào “Gia đình số” của xã Kon Chiêng: bài học từng bước cho 21 tiêu chí.',
};

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
			'astro:config:setup': ({ config, logger }) => {
				base = config.base;
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
				const extras = new Map([
					...Object.entries(PAGE_KEYWORDS).map(([slug, keywords]) => [slug, { keywords }] as const),
					...data.lessons.map((l) => [l.slug, { keywords: l.data.keywords }] as const),
				]);
				const pages = await buildSearchIndex(out, extras);
				logger.info(`Pagefind: ${pages} trang trong chỉ mục tìm kiếm`);

				// The icon travels inside each page instead of costing every cold visit a request.
				const icon = `data:image/svg+xml,${encodeURIComponent((await readFile(join(out, 'favicon.svg'), 'utf8')).trim())}`;
				await rewriteHtml(out, (html) =>
					html
						.replace(/(<link rel="shortcut icon" href=")[^"]*favicon\.svg"/, `$1${icon}"`)
						// Starlight's print.css is already in the main stylesheet (customCss in astro.config.mjs).
						.replace(/<link rel="stylesheet" href="[^"]*\/_astro\/print\.[\w-]+\.css" media="print"\s*\/?>/, '')
				);
				for (const file of await readdir(join(out, '_astro'))) if (/^print\.[\w-]+\.css$/.test(file)) await rm(join(out, '_astro', file));
				const css = await trimCss(out);
				logger.info(`CSS: bỏ các quy tắc không trang nào dùng, ${kb(css.before)} KB → ${kb(css.after)} KB`);

				const bundle = await buildOfflineBundle(out, base, SITE);
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
