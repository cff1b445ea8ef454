// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { loadSiteData, SiteDataError } from './src/data/load.ts';
import { buildSidebar } from './src/data/sidebar.ts';
import giaDinhSo from './src/integrations/gia-dinh-so.ts';
import { siteIdentity } from './src/data/identity.ts';
import { PRINT_CSS_FROM_ENTRY } from './src/lib/starlight-internals.ts';

/** Stops with the list of problems, in words the commune office can act on, instead of a stack trace. */
function loadOrExit() {
	try {
		return loadSiteData(process.cwd());
	} catch (error) {
		if (!(error instanceof SiteDataError)) throw error;
		console.error(`\n${error.message}\n\nSửa các lỗi trên rồi chạy lại "npm run build". Xem docs/huong-dan-van-phong.md.\n`);
		process.exit(1);
	}
}

const data = loadOrExit();
const identity = siteIdentity(data.commune, data.criteria.length);
const STARLIGHT_PRINT_CSS = fileURLToPath(new URL(PRINT_CSS_FROM_ENTRY, import.meta.resolve('@astrojs/starlight')));

export default defineConfig({
	site: data.commune.site.url,
	base: data.commune.site.base,
	trailingSlash: 'always',
	// Prefetching spends data that villagers pay for; pages are small and the offline store covers the rest.
	prefetch: false,
	vite: {
		plugins: [
			{
				// No module preloading (Astro sets { polyfill: false }, which would list every lazy chunk's
				// imports for preloading). Vite still wraps each dynamic import in its preload helper, a
				// separate chunk: a fourth request on every page's cold visit, for calls that, with nothing
				// to preload, only run the import. The wrapper becomes a one-line local function instead.
				name: 'gds-no-module-preload',
				enforce: 'post',
				configEnvironment(name) {
					if (name === 'client') return { build: { modulePreload: false } };
				},
				generateBundle: {
					order: 'post',
					handler(_options, bundle) {
						const helper = Object.values(bundle).find((c) => c.type === 'chunk' && /preload-helper/.test(c.fileName));
						if (!helper) return;
						const base = helper.fileName.split('/').pop() ?? helper.fileName;
						for (const chunk of Object.values(bundle)) {
							if (chunk.type !== 'chunk' || chunk === helper) continue;
							const pattern = new RegExp(`import\\{t(?: as ([\\w$]+))?\\}from"\\./${base.replace(/\./g, '\\.')}";`);
							const found = pattern.exec(chunk.code);
							if (!found) {
								if (chunk.code.includes(base)) this.error(`${chunk.fileName}: không bỏ được lời gọi ${base}`);
								continue;
							}
							const name = found[1] ?? 't';
							// The calls, `name(()=>import(`…`)[.then(m=>m.x)],[])`, become the import itself; the
							// one-line function stays for any call of another shape.
							const call = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\(\\(\\)=>(import\\(\`[^\`]*\`\\)(?:\\.then\\(([\\w$]+)=>\\2\\.[\\w$]+\\))?),\\[\\]\\)`, 'g');
							chunk.code = chunk.code.replace(found[0], `var ${name}=f=>f();`).replace(call, '$1');
							chunk.imports = chunk.imports.filter((i) => i !== helper.fileName);
						}
						delete bundle[helper.fileName];
					},
				},
			},
			{
				// Starlight's Page.astro always includes the sidebar state persister's script; our Sidebar
				// override renders no persister, so the script would do nothing but cost every page view.
				// Page.astro cannot be overridden: its script module is emptied instead.
				name: 'gds-no-sidebar-persister',
				enforce: 'pre',
				load(id) {
					if (/@astrojs[\\/]starlight[\\/].*components-internals[\\/]SidebarPersistState(\.[jt]s)?$/.test(id.split('?')[0])) return 'export {};';
				},
			},
		],
		build: {
			// No module preloading: the only dynamic import is Pagefind's, loaded from dist at run time.
			modulePreload: false,
			// Astro inlines small scripts before Vite fills in its dynamic-import placeholder, which
			// would leave the search unable to load Pagefind: keep such a script in its own file.
			assetsInlineLimit: (_file, content) => (content.includes('__VITE_PRELOAD__') ? false : undefined),
			rollupOptions: {
				// MDX pages carry Astro's "use astro:head-inject" directive; the bundler's note about it is noise.
				onwarn(warning, warn) {
					if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
				},
				output: {
					// The household's answers code is shared by lessons and "Gia đình tôi": one file, not three.
					// The offline controls' code (save, stored-pages list, refresh notice) is one lazy file too:
					// a chain of small imports costs a round trip each on a slow link.
					// The village tally's first screen is one file: its entry with everything it imports statically
					// (answers grid, print sheet, files and the commune report load on use). Small helpers shared
					// with "Gia đình tôi" ride in the household file, which both pages load anyway.
					// The bundler's small runtime helper travels with the household file, its only user; Vite's
					// preload helper stays a file of its own (every page's Footer script uses it), not inside the tally's.
					manualChunks: (id) =>
						/vite\/preload-helper/.test(id)
							? 'preload-helper'
							: /\/src\/lib\/(answers|household-store|shortcode|date)\.ts$|\/src\/elements\/dom\.ts$|^\0?rolldown[:/]runtime/.test(id)
							? 'household'
							: /\/src\/components\/tally\/TallyBook\.astro\?astro&type=script|\/src\/elements\/tally\/(tally|render|storage|config)\.ts$|\/src\/lib\/(tally|tally-store)\.ts$/.test(id)
								? 'tally'
							: /\/src\/(lib\/offline-(client|shared)|elements\/(offline-save|stored-pages|offline-state))\.ts$/.test(id)
								? 'offline'
								: undefined,
				},
			},
		},
	},
	integrations: [
		starlight({
			title: identity.name,
			description: identity.description,
			favicon: '/favicon.svg',
			head: [
				{ tag: 'link', attrs: { rel: 'manifest', href: `${data.commune.site.base}manifest.webmanifest` } },
				{ tag: 'meta', attrs: { name: 'theme-color', content: identity.themeColor } },
			],
			defaultLocale: 'root',
			locales: { root: { label: 'Tiếng Việt', lang: 'vi' } },
			pagefind: false,
			expressiveCode: false,
			sidebar: buildSidebar(data),
			tableOfContents: false,
			lastUpdated: false,
			credits: false,
			// Starlight's print rules travel in the one stylesheet (its own print.css link is removed after
			// the build, see src/integrations/gia-dinh-so.ts): one request less on every cold visit.
			// Its path is found from the package's entry (the package does not export it), not from
			// ./node_modules, which a copy of the tree or a workspace may not have.
			// Rules that rely on Starlight's undocumented markup: src/styles/starlight-internals.css.
			customCss: [STARLIGHT_PRINT_CSS, './src/styles/starlight-internals.css', './src/styles/site.css', './src/styles/reading.css'],
			components: {
				MarkdownContent: './src/components/overrides/MarkdownContent.astro',
				Search: './src/components/overrides/Search.astro',
				Head: './src/components/overrides/Head.astro',
				Footer: './src/components/overrides/Footer.astro',
				ThemeSelect: './src/components/overrides/ThemeSelect.astro',
				ThemeProvider: './src/components/overrides/ThemeProvider.astro',
				Sidebar: './src/components/overrides/Sidebar.astro',
				MobileMenuToggle: './src/components/overrides/MobileMenuToggle.astro',
				LanguageSelect: './src/components/overrides/LanguageSelect.astro',
			},
		}),
		giaDinhSo(data),
	],
});
