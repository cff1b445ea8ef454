/**
 * Reading and changing the built pages through an HTML parser (hast), never with regular
 * expressions. A change replaces only the source range of the nodes it touches (the parser
 * records where each node starts and ends), so the rest of the page keeps its exact bytes: the
 * inline scripts keep their CSP hashes, and a step that changes nothing leaves the file alone.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Element, Nodes, Root, Text } from 'hast';

export type { Element, Root };

export function parseHtml(html: string): Root {
	return fromHtml(html);
}

/** Every built page: absolute path and path below dist ("cq-1/index.html"), sorted. Pagefind's own files are not pages. */
export async function builtPages(dir: string): Promise<{ file: string; rel: string }[]> {
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	return entries
		.filter((e) => e.isFile() && e.name.endsWith('.html'))
		.map((e) => {
			const file = join(e.parentPath, e.name);
			return { file, rel: relative(dir, file).split(sep).join('/') };
		})
		.filter((p) => !p.rel.startsWith('pagefind/'))
		.sort((a, b) => (a.rel < b.rel ? -1 : 1));
}

/**
 * Every element of the tree in document order, the contents of <template> included (their
 * elements are cloned into the page by scripts, so their classes and scripts count too).
 */
export function* elements(node: Nodes): Generator<Element> {
	if (node.type === 'element') {
		yield node;
		if (node.tagName === 'template' && node.content) yield* elements(node.content);
	}
	if ('children' in node) for (const child of node.children) yield* elements(child as Nodes);
}

/** The text of a node's text children, joined (a <script>'s or <style>'s source, exactly as written). */
export function ownText(node: Element): string {
	return node.children
		.filter((c): c is Text => c.type === 'text')
		.map((c) => c.value)
		.join('');
}

/** An attribute's value as a string ("" when present without value), or undefined. */
export function attr(node: Element, property: string): string | undefined {
	const value = node.properties[property];
	if (value === undefined || value === null || value === false) return undefined;
	if (value === true) return '';
	return Array.isArray(value) ? value.join(' ') : String(value);
}

/** Serializes nodes made by a step (hast escapes text and attributes). */
export function serialize(nodes: Nodes | Nodes[]): string {
	return toHtml(Array.isArray(nodes) ? { type: 'root', children: nodes as Root['children'] } : nodes);
}

export interface Edit {
	start: number;
	end: number;
	text: string;
}

const offsets = (node: Nodes) => {
	const start = node.position?.start.offset;
	const end = node.position?.end.offset;
	if (start === undefined || end === undefined) throw new Error('HTML: nút không có vị trí trong tệp');
	return { start, end };
};

/** Replaces a node (with its children) by some HTML. */
export const replaceNode = (node: Nodes, text: string): Edit => ({ ...offsets(node), text });

/** Inserts HTML as the last content of an element, before its end tag. */
export function appendInside(html: string, node: Element, text: string): Edit {
	const { end } = offsets(node);
	const close = `</${node.tagName}>`;
	if (html.slice(end - close.length, end).toLowerCase() !== close)
		throw new Error(`HTML: thẻ <${node.tagName}> không có thẻ đóng ${close} ở vị trí ${end}`);
	return { start: end - close.length, end: end - close.length, text };
}

/** Applies non-overlapping edits to the source. */
export function applyEdits(html: string, edits: Edit[]): string {
	let out = html;
	for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
	return out;
}

/** Runs `change` on every built page, and writes back only the pages it changed. */
export async function rewritePages(dir: string, change: (html: string, rel: string) => string): Promise<number> {
	let changed = 0;
	for (const { file, rel } of await builtPages(dir)) {
		const html = await readFile(file, 'utf8');
		const next = change(html, rel);
		if (next !== html) {
			await writeFile(file, next);
			changed++;
		}
	}
	return changed;
}
