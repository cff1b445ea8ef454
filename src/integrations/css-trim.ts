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
 * Then the custom properties that no kept rule, page or script reads are dropped (unusedCustomProperties).
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
	/** The words of the scripts alone: a script may give any element such a class or id. */
	scriptWords: Set<string>;
	/** The elements scripts may create: named in createElement() or in markup they write. */
	scriptTags: Set<string>;
	/**
	 * Each distinct element of the pages: its own tag, classes and id ("tag:div", "class:x",
	 * "id:y"), and those of all its ancestors together.
	 */
	elements: { own: Set<string>; above: Set<string> }[];
	/** Every custom property name ("--x") written in the pages (style attributes) or their scripts. */
	customNames: Set<string>;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Walks the built HTML (well formed: Astro writes every closing tag) with a stack of open elements. */
function eachElement(html: string, visit: (own: string[], above: string[][]) => void) {
	const stack: { tag: string; names: string[] }[] = [];
	const text = html.replace(/<!--[\s\S]*?-->/g, '').replace(/(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2>)/g, '$1$3');
	for (const [, close, tag, attrs, selfClosing] of text.matchAll(/<(\/?)([a-zA-Z][\w-]*)((?:[^>"'/]|"[^"]*"|'[^']*'|\/(?!>))*)(\/?)>/g)) {
		const name = tag!.toLowerCase();
		if (close) {
			const at = stack.map((e) => e.tag).lastIndexOf(name);
			if (at >= 0) stack.length = at;
			continue;
		}
		const own = [`tag:${name}`];
		for (const c of /\sclass="([^"]*)"/.exec(attrs!)?.[1]?.split(/\s+/) ?? []) if (c) own.push(`class:${c}`);
		const id = /\sid="([^"]*)"/.exec(attrs!)?.[1];
		if (id) own.push(`id:${id}`);
		visit(own, stack.map((e) => e.names));
		if (!selfClosing && !VOID.has(name)) stack.push({ tag: name, names: own });
	}
}

async function walk(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** The scripts that pages (their text) can run: those they name, and what those import, statically or lazily. */
async function reachableScripts(out: string, pageTexts: string[]): Promise<Set<string>> {
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
	for (const text of pageTexts) visit(text);
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
	const elements = new Map<string, { own: Set<string>; above: Set<string> }>();
	const files = (await walk(out)).filter((f) => f.endsWith('.html') && !f.includes('/pagefind/'));
	const pages = await Promise.all(files.map((f) => readFile(f, 'utf8')));
	const scripts = await reachableScripts(out, pages);
	const scriptTags = new Set<string>();
	const customNames = new Set<string>();
	const addCustomNames = (text: string) => {
		for (const [name] of text.matchAll(/--[A-Za-z_][\w-]*/g)) customNames.add(name);
	};
	const addScript = (text: string) => {
		addCustomNames(text);
		for (const [word] of text.matchAll(/[A-Za-z_][\w-]*/g)) (words.add(word), scriptWords.add(word));
		// A tag as a string of its own ("td", `li`: given to createElement or a helper), or in markup.
		for (const [, quoted, markup] of text.matchAll(/[`'"]([a-zA-Z][\w-]*)[`'"]|<([a-zA-Z][\w-]*)[\s>/]/g)) scriptTags.add((quoted ?? markup)!.toLowerCase());
	};
	for (const html of pages) {
		eachElement(html, (own, above) => {
			for (const name of own) words.add(name.slice(name.indexOf(':') + 1));
			const up = [...new Set(above.flat())].sort();
			const key = `${[...own].sort().join(' ')}|${up.join(' ')}`;
			if (!elements.has(key)) elements.set(key, { own: new Set(own), above: new Set(up) });
		});
		// Style attributes may set or read custom properties.
		addCustomNames(html);
		// Inline scripts of the pages (theme, menu) add classes too.
		for (const [, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) addScript(body!);
	}
	for (const file of scripts) addScript(await readFile(file, 'utf8'));
	return { words, scriptWords, scriptTags, elements: [...elements.values()], customNames };
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

/** Names a script may add to an element (classes, ids) or elements it may create need not be in the pages. */
const unexplained = (names: string[], t: Tokens) =>
	names.filter((r) => !(r.startsWith('tag:') ? t.scriptTags : t.scriptWords).has(r.slice(r.indexOf(':') + 1)));

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
 * Could this selector match some element of the built site? Each name must be somewhere; the names
 * of the last compound (a:where(.x).y) must be on one element, and those of the compounds before a
 * descendant or child combinator among that element's ancestors (sibling combinators end the
 * check: anything left of them is allowed). A :where()/:is() with one simple selector (Astro's
 * scope class) counts as part of its compound. Elements that scripts may create pass.
 */
function mayMatch(selector: Selector, t: Tokens): boolean {
	const compounds: string[][] = [[]];
	const combinators: string[] = [];
	for (const part of selector) {
		switch (part.type) {
			case 'class':
			case 'id':
				if (!t.words.has(part.name)) return false;
				compounds.at(-1)!.push(`${part.type}:${part.name}`);
				break;
			case 'type':
				if (!t.words.has(part.name.toLowerCase())) return false;
				compounds.at(-1)!.push(`tag:${part.name.toLowerCase()}`);
				break;
			case 'pseudo-class':
				if ((part.kind === 'is' || part.kind === 'where' || part.kind === 'any') && 'selectors' in part) {
					const inner = part.selectors as Selector[];
					if (!inner.some((s) => mayMatch(s, t))) return false;
					const names = inner.length === 1 ? compoundNames(inner[0]!) : undefined;
					if (names) compounds.at(-1)!.push(...names);
				}
				break;
			case 'combinator':
				combinators.push(part.value);
				compounds.push([]);
				break;
			case 'nesting':
				return true;
			default:
				break;
		}
	}
	const last = unexplained(compounds.at(-1)!, t);
	if (last.length === 0) return true;
	// The ancestors' names asked for: compounds joined by descendant or child combinators, up to a sibling one.
	const above: string[] = [];
	for (let i = combinators.length - 1; i >= 0; i--) {
		if (combinators[i] !== 'descendant' && combinators[i] !== 'child') break;
		above.push(...unexplained(compounds[i]!, t));
	}
	return t.elements.some((e) => last.every((r) => e.own.has(r)) && above.every((r) => e.above.has(r)));
}

/**
 * The custom properties ("--sl-badge-tip-bg: …") that nothing reads: Starlight declares about a
 * hundred for its themes and components, and the rules this site keeps use fewer. A property is
 * read when a var() outside any custom property names it, when a read property's value names it,
 * or when a page or script writes its name (a style attribute, setProperty). The others' declarations go.
 */
export function unusedCustomProperties(css: string, namedElsewhere: Set<string>): Set<string> {
	const declared = new Map<string, string[]>();
	// Minified text: a declaration runs to the next ";" or "}" (no custom property here holds either in a string).
	const declaration = /(--[A-Za-z_][\w-]*):([^;}]*)/g;
	for (const [, name, value] of css.matchAll(declaration)) declared.set(name!, [...(declared.get(name!) ?? []), value!]);
	const refs = (text: string) => [...text.matchAll(/var\((--[A-Za-z_][\w-]*)/g)].map((m) => m[1]!);
	const read = new Set([...refs(css.replace(declaration, '')), ...[...declared.keys()].filter((n) => namedElsewhere.has(n))]);
	for (const name of read) for (const value of declared.get(name) ?? []) for (const ref of refs(value)) read.add(ref);
	return new Set([...declared.keys()].filter((n) => !read.has(n)));
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
		const kept = cleanUp(marked.toString());
		const unused = unusedCustomProperties(kept, t.customNames);
		const { code: pruned } = transform({
			filename: name,
			code: Buffer.from(kept),
			minify: true,
			// An empty list removes the declaration; nothing returned keeps it as it is.
			visitor: { Declaration: { custom: (property) => (unused.has(property.name) ? [] : undefined) } },
		});
		const trimmed = Buffer.from(cleanUp(pruned.toString()));
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
