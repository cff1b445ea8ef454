/**
 * Astro marks the elements of a component with scoped styles by a class like "astro-kdrif63u", on
 * every element, and its styles by ":where(.astro-kdrif63u)". A lesson carries some four hundred
 * of them. This step gives each such class a short name ("_0", "_1"…: the most frequent first)
 * in the pages and the stylesheets alike, so the styles match exactly as before, for about half a
 * kilobyte less on each lesson's first load through gzip. No script uses these classes.
 *
 * Runs after the pages are built and before the CSS is trimmed, the files compressed and the
 * offline version computed. The names depend only on the built files: the same tree gives the
 * same names.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const SCOPE = /\bastro-[a-z0-9]{8}\b/g;

async function files(out: string): Promise<string[]> {
	const entries = await readdir(out, { withFileTypes: true, recursive: true });
	return entries
		.filter((e) => e.isFile() && (e.name.endsWith('.html') || /\/_astro$/.test(e.parentPath) && e.name.endsWith('.css')))
		.map((e) => join(e.parentPath, e.name))
		.filter((f) => !f.includes('/pagefind/'))
		.sort();
}

export async function shortenScopeClasses(out: string): Promise<number> {
	const paths = await files(out);
	const texts = new Map<string, string>();
	for (const path of paths) texts.set(path, await readFile(path, 'utf8'));
	// Only classes that elements carry (not, say, a custom element's name that looks alike).
	const counts = new Map<string, number>();
	for (const [path, text] of texts) {
		if (!path.endsWith('.html')) continue;
		for (const [, list] of text.matchAll(/\sclass="([^"]*)"/g))
			for (const name of list!.match(SCOPE) ?? []) counts.set(name, (counts.get(name) ?? 0) + 1);
	}
	const taken = new Set<string>();
	for (const text of texts.values()) for (const [name] of text.matchAll(/(?<=[\s".])_[0-9a-z]+\b/g)) taken.add(name);
	const names = new Map<string, string>();
	let next = 0;
	for (const [scope] of [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
		let short: string;
		do short = `_${(next++).toString(36)}`;
		while (taken.has(short));
		names.set(scope, short);
	}
	for (const [path, text] of texts) {
		const renamed = text.replace(SCOPE, (name) => names.get(name) ?? name);
		if (renamed !== text) await writeFile(path, renamed);
	}
	return names.size;
}
