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
	/** Every class, id and element name of the pages, and every word of their scripts. */
	words: Set<string>;
	/** The words of the scripts alone: a script may give any element such a class, or create such an element. */
	scriptWords: Set<string>;
	/** Each distinct element of the pages as its tag, classes and id ("tag:div", "class:x", "id:y"). */
	elements: Set<string>[];
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
	const scriptWords = new Set<string>();
	const elements = new Map<string, Set<string>>();
	const pages = (await walk(out)).filter((f) => f.endsWith('.html') && !f.includes('/pagefind/'));
	const scripts = await reachableScripts(out, pages);
	for (const file of pages) {
		const html = await readFile(file, 'utf8');
		for (const [, tag, attrs] of html.matchAll(/<([a-zA-Z][\w-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
			const element = [`tag:${tag!.toLowerCase()}`];
			words.add(tag!.toLowerCase());
			const list = /\sclass="([^"]*)"/.exec(attrs!)?.[1];
			for (const c of list?.split(/\s+/) ?? []) if (c) (words.add(c), element.push(`class:${c}`));
			const id = /\sid="([^"]*)"/.exec(attrs!)?.[1];
			if (id) (words.add(id), element.push(`id:${id}`));
			const key = element.sort().join(' ');
			if (!elements.has(key)) elements.set(key, new Set(element));
		}
	}
	const addScript = (text: string) => {
		for (const [word] of text.matchAll(/[A-Za-z_][\w-]*/g)) (words.add(word), scriptWords.add(word));
	};
	for (const file of scripts) addScript(await readFile(file, 'utf8'));
	// Inline scripts of the pages (theme, menu) add classes too.
	for (const file of pages)
		for (const [, body] of (await readFile(file, 'utf8')).matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) addScript(body!);
	return { words, scriptWords, elements: [...elements.values()] };
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

/**
 * Can one element carry all these names (tag, classes, id)? A name that a script may add or
 * create counts as present on any element.
 */
function oneElementHas(required: string[], t: Tokens): boolean {
	const missing = required.filter((r) => !t.scriptWords.has(r.slice(r.indexOf(':') + 1)));
	return missing.length === 0 || t.elements.some((e) => missing.every((r) => e.has(r)));
}

/** The names a simple selector asks of one element, or undefined if it has a combinator. */
function compoundNames(selector: Selector): string[] | undefined {
	const names: string[] = [];
	for (const part of selector) {
		if (part.type === 'combinator') return undefined;
		if (part.type === 'class' || part.type === 'id') names.push(`${part.type}:${part.name}`);
		else if (part.type === 'type') names.push(`tag:${part.name.toLowerCase()}`);
	}
	return names;
}

/**
 * Could this selector match some element of the built site? Each name must be somewhere, and the
 * names of one compound (a:where(.x).y) must be on one element; a :where()/:is() with one simple
 * selector (Astro's scope class) counts as part of its compound.
 */
function mayMatch(selector: Selector, t: Tokens): boolean {
	let compound: string[] = [];
	for (const part of selector) {
		switch (part.type) {
			case 'class':
			case 'id':
				if (!t.words.has(part.name)) return false;
				compound.push(`${part.type}:${part.name}`);
				break;
			case 'type':
				if (!t.words.has(part.name.toLowerCase())) return false;
				compound.push(`tag:${part.name.toLowerCase()}`);
				break;
			case 'pseudo-class':
				if ((part.kind === 'is' || part.kind === 'where' || part.kind === 'any') && 'selectors' in part) {
					const inner = part.selectors as Selector[];
					if (!inner.some((s) => mayMatch(s, t))) return false;
					const names = inner.length === 1 ? compoundNames(inner[0]!) : undefined;
					if (names) compound.push(...names);
				}
				break;
			case 'combinator':
				if (!oneElementHas(compound, t)) return false;
				compound = [];
				break;
			default:
				break;
		}
	}
	return oneElementHas(compound, t);
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
