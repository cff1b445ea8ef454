// The boundary with Starlight (src/styles/starlight-internals.css, src/lib/starlight-internals.ts):
// after a Starlight upgrade, this fails and names each undocumented class, id, property, layer or
// file the site relies on that is no longer there. Reads the built site (npm run build first) and
// the installed package.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { INERT_WHILE_MENU_OPEN, PRINT_CSS_FROM_ENTRY, RELIED_ON, RELIED_ON_PROPERTIES, TITLE_SEPARATOR } from '../../src/lib/starlight-internals';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = process.env.DIST_DIR ?? join(root, 'dist');
// Found as astro.config.mjs finds it: from the package's entry (index.ts at the package root).
const starlightEntry = fileURLToPath(import.meta.resolve('@astrojs/starlight'));
const starlightDir = dirname(starlightEntry);
const internalsCss = readFileSync(join(root, 'src/styles/starlight-internals.css'), 'utf8');

let lesson = '';
let allHtml = '';
let builtCss = '';
beforeAll(() => {
	if (!existsSync(join(dist, 'cq-1/index.html'))) throw new Error(`Chưa có ${dist}/cq-1/index.html: chạy "npm run build" trước.`);
	lesson = readFileSync(join(dist, 'cq-1/index.html'), 'utf8');
	for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		if (entry.name.endsWith('.html')) allHtml += readFileSync(join(entry.parentPath, entry.name), 'utf8');
		if (entry.name.endsWith('.css') && entry.parentPath.endsWith('_astro')) builtCss += readFileSync(join(entry.parentPath, entry.name), 'utf8');
	}
});

describe('Starlight markup the site relies on', () => {
	it.each(RELIED_ON)('$name ($starlight, used by $ours) is still in a built lesson page', ({ name, html, starlight }) => {
		expect(lesson.includes(html), `Starlight no longer renders ${name} (${starlight}): fix src/styles/starlight-internals.css and src/lib/starlight-internals.ts`).toBe(true);
	});

	it('every class and id named in starlight-internals.css is in the built pages', () => {
		// Selectors only: comments and declarations (colours such as #fff) removed.
		const css = internalsCss.replace(/\/\*[\s\S]*?\*\//g, '').replace(/[\w-]+\s*:[^;{}]*;/g, '');
		const names = new Set([...css.matchAll(/(?<![\w-])([.#])([a-zA-Z_][\w-]*)/g)].map((m) => m[1]! + m[2]!).filter((n) => !/^[.#]gds-/.test(n)));
		expect(names.size, 'selectors found in starlight-internals.css').toBeGreaterThan(5);
		const missing = [...names].filter((n) =>
			n.startsWith('#') ? !allHtml.includes(`id="${n.slice(1)}"`) : !new RegExp(`class="(?:[^"]*\\s)?${n.slice(1)}(?:\\s[^"]*)?"`).test(allHtml)
		);
		expect(missing, 'selectors of starlight-internals.css that no built page has any more').toEqual([]);
	});

	it('the menu script still makes the same elements inert as the popover fallback does', () => {
		expect(lesson, `Starlight's menu script no longer uses "${INERT_WHILE_MENU_OPEN}" (components/PageFrame.astro): update src/lib/starlight-internals.ts`).toContain(INERT_WHILE_MENU_OPEN);
	});

	it('page titles still read "<page> | <site>"', () => {
		const title = /<title>([^<]*)<\/title>/.exec(lesson)?.[1] ?? '';
		expect(title.split(TITLE_SEPARATOR), `title "${title}"`).toHaveLength(2);
	});
});

describe('Starlight styles the site relies on', () => {
	it('the print stylesheet is still where astro.config.mjs finds it', () => {
		const file = fileURLToPath(new URL(PRINT_CSS_FROM_ENTRY, import.meta.resolve('@astrojs/starlight')));
		expect(existsSync(file), `${file} is gone: update PRINT_CSS_FROM_ENTRY in src/lib/starlight-internals.ts`).toBe(true);
	});

	it('the layer order starlight-internals.css repeats is still Starlight’s', () => {
		const theirs = /@layer\s+([^;{]+);/.exec(readFileSync(join(starlightDir, 'style/layers.css'), 'utf8'))?.[1]?.split(',').map((s) => s.trim());
		const ours = /@layer\s+([^;{]+);/.exec(internalsCss)?.[1]?.split(',').map((s) => s.trim());
		expect(ours?.slice(0, -1), 'Starlight changed its layers (style/layers.css): update the first line of src/styles/starlight-internals.css').toEqual(theirs);
		expect(ours?.at(-1)).toBe('gds-starlight-internals');
	});

	it('in the built CSS, the boundary layer comes after all of Starlight’s layers', () => {
		const first = (name: string) => builtCss.indexOf(`@layer ${name}`);
		expect(first('gds-starlight-internals')).toBeGreaterThan(0);
		for (const layer of ['starlight.base', 'starlight.reset', 'starlight.core', 'starlight.content', 'starlight.components', 'starlight.utils'])
			expect(first(layer), `@layer ${layer} in the built CSS`).toBeGreaterThanOrEqual(0);
		expect(first('gds-starlight-internals')).toBeGreaterThan(Math.max(first('starlight.utils'), first('starlight.components')));
	});

	it.each(RELIED_ON_PROPERTIES)('Starlight still reads or defines the custom property %s', (property) => {
		let found = false;
		for (const entry of readdirSync(starlightDir, { recursive: true, withFileTypes: true }))
			if (entry.isFile() && /\.(css|astro)$/.test(entry.name) && readFileSync(join(entry.parentPath, entry.name), 'utf8').includes(property)) found = true;
		expect(found, `${property} is no longer in @astrojs/starlight: fix src/styles/starlight-internals.css`).toBe(true);
	});

	it('no other stylesheet or component relies on Starlight’s private markup', () => {
		const private_ = /\.page > header|\.content-panel|\.main-frame|\.sidebar-content|\.site-title|\.sl-steps|#starlight__sidebar|--__sl-|\.sl-skip-link/;
		const offenders: string[] = [];
		for (const entry of readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })) {
			if (!entry.isFile() || !/\.(css|astro)$/.test(entry.name) || entry.name === 'starlight-internals.css') continue;
			const text = readFileSync(join(entry.parentPath, entry.name), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
			const hit = private_.exec(text.replace(/<!--[\s\S]*?-->/g, ''));
			if (hit) offenders.push(`${join(entry.parentPath, entry.name).slice(root.length)}: ${hit[0]}`);
		}
		expect(offenders, 'move these rules into src/styles/starlight-internals.css').toEqual([]);
	});
});
