/**
 * The project's own Astro integration: when the build starts it publishes the data to the pages
 * (virtual module), watches the data files and reports criteria without lessons or with old
 * facts; once the pages are built it runs the post-build pipeline (src/integrations/pipeline.ts).
 */
import type { AstroIntegration } from 'astro';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DATA_DIR, staleLessons, type SiteData } from '../data/load';
import { siteRoutes } from '../data/routes';
import { loadSearchSynonyms, type SearchSynonyms } from '../data/search-synonyms';
import { loadScenarios } from '../data/that-hay-lua';
import { formatDate } from '../lib/date';
import { dataModulePlugin } from './data-module';
import { runPipeline } from './pipeline';

export default function giaDinhSo(data: SiteData): AstroIntegration {
	let base = '/';
	let synonyms: SearchSynonyms;
	return {
		name: 'gia-dinh-so',
		hooks: {
			'astro:config:setup': ({ config, logger, updateConfig, addWatchFile }) => {
				base = config.base;
				// The data files beside load.ts's: read and checked once, now, before any page is built. A
				// mistake in the search words (a page the route registry does not have) or in a scenario
				// stops the build at once.
				synonyms = loadSearchSynonyms(siteRoutes(data).map((r) => r.path));
				updateConfig({ vite: { plugins: [dataModulePlugin(data, loadScenarios())] } });
				// `astro dev` restarts (and reloads the data) when a data file changes.
				const dataDir = new URL(`${DATA_DIR}/`, config.root);
				for (const file of readdirSync(dataDir)) if (file.endsWith('.yaml')) addWatchFile(new URL(file, dataDir));
				if (data.missingLessons.length)
					logger.warn(`Các tiêu chí chưa có bài học: ${data.missingLessons.join(', ')}`);
				for (const lesson of staleLessons(data.lessons))
					logger.warn(`${lesson.file}: kiểm tra lại thông tin: lần cuối ngày ${formatDate(lesson.data.checked!)}, đã hơn 6 tháng.`);
			},
			// Everything after the pages are written: src/integrations/pipeline.ts.
			'astro:build:done': async ({ dir, logger }) => runPipeline(fileURLToPath(dir), base, data, synonyms, logger),
		},
	};
}
