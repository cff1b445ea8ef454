/**
 * Checks every link in the built pages before anything is published: each internal link leads to
 * a file and, where it names one, to an anchor on that page; each external link goes to an
 * allowed site. Returns one line per problem, naming the page and the link.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { urlAllowed } from '../lib/links';
import { attr, elements, parseHtml, type Element } from './html';

const ORIGIN = 'http://site.invalid';

export async function checkBuiltLinks(
	dir: string,
	base: string,
	site: string,
	allowedDomains: string[],
	/** The file a page was made from ("content/docs/cq-1.mdx"), to name it in the message. */
	sourceOf: (page: string) => string | undefined = () => undefined
): Promise<string[]> {
	const siteOrigin = new URL(site).origin;
	const pages = new Map<string, Element[]>();
	for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }))
		if (entry.isFile() && entry.name.endsWith('.html')) {
			const file = join(entry.parentPath, entry.name);
			pages.set(file, [...elements(parseHtml(await readFile(file, 'utf8')))]);
		}
	const ids = new Map<string, Set<string>>();
	const idsOf = (file: string) => {
		if (!ids.has(file)) ids.set(file, new Set((pages.get(file) ?? []).flatMap((e) => attr(e, 'id') ?? [])));
		return ids.get(file)!;
	};
	const problems: string[] = [];
	for (const [file, nodes] of pages) {
		const built = relative(dir, file).split(sep).join('/');
		const page = sourceOf(built) ? `${sourceOf(built)} (${built})` : built;
		const pagePath = base + built.replace(/index\.html$/, '');
		const baseElement = nodes.find((e) => e.tagName === 'base');
		const baseHref = baseElement && attr(baseElement, 'href');
		const from = new URL(baseHref || pagePath, ORIGIN);
		// The canonical address is metadata (and names the 404 page as if it were a page).
		const links = nodes
			.filter((e) => !(e.tagName === 'link' && attr(e, 'rel') === 'canonical'))
			.flatMap((e) => (['href', 'src'] as const).flatMap((name) => (attr(e, name) === undefined ? [] : [[name, attr(e, name)!] as const])));
		for (const [kind, href] of links) {
			if (!href || /^(mailto:|tel:|sms:|data:|javascript:)/.test(href)) continue;
			let url = new URL(href, href.startsWith('#') ? new URL(pagePath, ORIGIN) : from);
			// The site's own absolute address (canonical links) is checked as an internal link.
			if (url.origin === siteOrigin) url = new URL(url.pathname + url.hash, ORIGIN);
			if (url.origin !== ORIGIN) {
				if (kind === 'href' && !urlAllowed(url.href, allowedDomains)) problems.push(`${page}: liên kết ra ngoài tới ${url.href} không được phép`);
				continue;
			}
			if (!url.pathname.startsWith(base)) {
				problems.push(`${page}: ${href} nằm ngoài ${base}`);
				continue;
			}
			let target = join(dir, decodeURIComponent(url.pathname.slice(base.length)));
			if (existsSync(target) && statSync(target).isDirectory()) target = join(target, 'index.html');
			if (!existsSync(target)) {
				problems.push(`${page}: ${href} không tồn tại`);
				continue;
			}
			const id = decodeURIComponent(url.hash.slice(1));
			if (id && id !== '_top' && target.endsWith('.html') && !idsOf(target).has(id)) problems.push(`${page}: ${href} — trang không có mục #${id}`);
		}
	}
	return problems;
}
