/**
 * The project's own build steps: it reports criteria without lessons when the build starts, and
 * writes the files the portal needs once the pages are built.
 */
import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { SiteData } from '../data/load';
import { criteriaManifest } from './manifest';
import { buildSearchIndex } from './search-index';
import { buildPdfs } from './pdf';
import { BOOKLET, SHEETS } from '../lib/sheets';

export default function giaDinhSo(data: SiteData): AstroIntegration {
	let base = '/';
	return {
		name: 'gia-dinh-so',
		hooks: {
			'astro:config:setup': ({ config, logger }) => {
				base = config.base;
				if (data.missingLessons.length)
					logger.warn(`Các tiêu chí chưa có bài học: ${data.missingLessons.join(', ')}`);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				await writeFile(`${out}/criteria.json`, JSON.stringify(criteriaManifest(data, base), null, '\t'));
				logger.info(`criteria.json: ${data.criteria.length} tiêu chí`);
				// PDFs first: their sizes are written into the pages before the pages are indexed.
				await buildPdfs(out, base, [
					...data.lessons.filter((l) => l.data.criterion).map((l) => ({ name: l.slug, path: `${l.slug}/` })),
					...SHEETS.map((s) => ({ name: s.slug, path: `in/${s.slug}/` })),
					{ name: BOOKLET.slug, path: `in/${BOOKLET.slug}/` },
				], logger);
				const extras = new Map(data.lessons.map((l) => [l.slug, { keywords: l.data.keywords }]));
				const pages = await buildSearchIndex(out, extras);
				logger.info(`Pagefind: ${pages} trang trong chỉ mục tìm kiếm`);
			},
		},
	};
}
