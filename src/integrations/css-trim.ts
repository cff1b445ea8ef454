/**
 * Drops the style rules that no built page can use: most of Starlight's stylesheet serves
 * components this site never renders (tabs, cards, asides, code blocks, the language picker…).
 *
 * Neither Astro nor Lightning CSS can do this by themselves: Astro bundles a component's CSS
 * whenever the component can be rendered, and Lightning CSS only minifies and removes unused
 * @keyframes and custom idents it is told about (`unusedSymbols`), it does not look at the HTML.
 * So this step reads the built HTML and scripts and, with Lightning CSS's own parser, keeps every
 * selector that names only classes, ids and elements found there. It is conservative: attribute
 * selectors, :not(), :has() and anything it does not know keep their rule; :is()/:where() keep
 * it when any of their selectors may match. Class names that scripts add are found in the
 * scripts' text.
 *
 * A trimmed stylesheet gets a new hashed name (its content changed), and every page is pointed to it.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { transform, type Selector } from 'lightningcss';

interface Tokens {
	words: Set<string>;
}

async function walk(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** The scripts that pages can run: those they name, and what those import, statically or lazily. */
async function reachableScripts(out: string, pages: string[]): Promise<Set<string>> {
	const astro = join(out, '_astro');
	const exists = new Set((await readdir(astro)).filter((f) => f.endsWith('.js')));
	const found = new Set<string>();
	const queue: string[] = [];
	const visit = (text: string) => {
		for (const [name] of text.matchAll(/[\w.-]+\.js\b/g))
			if (exists.has(name!) && !found.has(name!)) {
				found.add(name!);
				queue.push(name!);
			}
	};
	for (const page of pages) visit(await readFile(page, 'utf8'));
	for (let name = queue.pop(); name; name = queue.pop()) visit(await readFile(join(astro, name), 'utf8'));
	return new Set([...found].map((name) => join(astro, name)));
}

/**
 * Every class, id and element name in the pages, and every word in the scripts they can run.
 * Scripts that no page loads (Starlight's table of contents, which this site turns off, is still
 * emitted) do not keep rules alive.
 */
async function tokens(out: string): Promise<Tokens> {
	const words = new Set<string>(['html', 'body', ':root']);
	const pages = (await walk(out)).filter((f) => f.endsWith('.html') && !f.includes('/pagefind/'));
	const scripts = await reachableScripts(out, pages);
	for (const file of pages) {
		const html = await readFile(file, 'utf8');
		for (const [, tag] of html.matchAll(/<([a-zA-Z][\w-]*)/g)) words.add(tag!.toLowerCase());
		for (const [, list] of html.matchAll(/\sclass="([^"]*)"/g)) for (const c of list!.split(/\s+/)) if (c) words.add(c);
		for (const [, id] of html.matchAll(/\sid="([^"]*)"/g)) words.add(id!);
	}
	for (const file of scripts) {
		const js = await readFile(file, 'utf8');
		for (const [word] of js.matchAll(/[A-Za-z_][\w-]*/g)) words.add(word);
	}
	// Inline scripts of the pages (theme, menu) add classes too.
	for (const file of pages)
		for (const [, body] of (await readFile(file, 'utf8')).matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g))
			for (const [word] of body!.matchAll(/[A-Za-z_][\w-]*/g)) words.add(word);
	return { words };
}

const UNUSED = 'gds-css-unused';

/** Cuts the marked selectors, the rules with only marked selectors, and the blocks left empty. */
export function cleanUp(css: string): string {
	const mark = `.${UNUSED}`;
	let text = css.replaceAll(`${mark},`, '').replaceAll(`,${mark}`, '');
	for (;;) {
		const next = text
			.replace(new RegExp(`(^|[{};])\\${mark}\\{[^{}]*\\}`, 'g'), '$1')
			.replace(/(^|[{};])@(media|supports|layer|container)[^{};]*\{\}/g, '$1');
		if (next === text) return text;
		text = next;
	}
}

/** Could this selector match some element of the built site? */
function mayMatch(selector: Selector, t: Tokens): boolean {
	for (const part of selector) {
		switch (part.type) {
			case 'class':
			case 'id':
				if (!t.words.has(part.name)) return false;
				break;
			case 'type':
				if (!t.words.has(part.name.toLowerCase())) return false;
				break;
			case 'pseudo-class':
				if ((part.kind === 'is' || part.kind === 'where' || part.kind === 'any') && 'selectors' in part) {
					if (!(part.selectors as Selector[]).some((s) => mayMatch(s, t))) return false;
				}
				break;
			default:
				break;
		}
	}
	return true;
}

export async function trimCss(out: string): Promise<{ before: number; after: number; files: number }> {
	const t = await tokens(out);
	const astro = join(out, '_astro');
	const pages = (await walk(out)).filter((f) => f.endsWith('.html'));
	let before = 0;
	let after = 0;
	let files = 0;
	for (const name of (await readdir(astro)).filter((f) => f.endsWith('.css')).sort()) {
		const code = await readFile(join(astro, name));
		// Lightning CSS's Selector visitor replaces each selector that cannot match with a marker
		// class (its Rule visitor cannot hand some declarations back unchanged, so rules are not
		// rewritten through it); the marked selectors and the rules left with nothing else are then
		// cut from the minified text, which has one form only.
		const { code: marked } = transform({
			filename: name,
			code,
			minify: true,
			visitor: { Selector: (selector) => (mayMatch(selector, t) ? selector : [{ type: 'class', name: UNUSED }]) },
		});
		const trimmed = Buffer.from(cleanUp(marked.toString()));
		before += code.length;
		after += trimmed.length;
		if (trimmed.equals(code)) continue;
		files++;
		const hash = createHash('sha256').update(trimmed).digest('base64url').slice(0, 8);
		const renamed = name.replace(/\.[\w-]+\.css$/, `.${hash}.css`);
		await writeFile(join(astro, renamed), trimmed);
		if (renamed !== name) await rm(join(astro, name));
		for (const page of pages) {
			const html = await readFile(page, 'utf8');
			if (html.includes(`/_astro/${name}`)) await writeFile(page, html.replaceAll(`/_astro/${name}`, `/_astro/${renamed}`));
		}
	}
	return { before, after, files };
}
