/**
 * The route registry (src/data/routes.ts) against the built site: every page it lists is built,
 * every built page is listed, and the sidebar, the PDFs and the offline list follow it.
 * Needs a build (npm run build); the PDF test needs one with PDFs (not PDF=0).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { loadSiteData } from '../../src/data/load';
import { SHEETS, routeFile, siteRoutes } from '../../src/data/routes';
import { checkRoutes, pdfJobs, type Build } from '../../src/integrations/pipeline';
import { buildSidebar } from '../../src/data/sidebar';
import { attr, elements, parseHtml } from '../../src/integrations/html';
import { DIST, builtBase } from '../base.mjs';

const data = loadSiteData(process.cwd());
const routes = siteRoutes(data);
const base = builtBase(DIST);
const builtPages = readdirSync(DIST, { recursive: true, withFileTypes: true })
	.filter((e) => e.isFile() && e.name.endsWith('.html'))
	.map((e) => relative(DIST, join(e.parentPath, e.name)).split(sep).join('/'))
	.filter((p) => !p.startsWith('pagefind/'));

describe('the route registry', () => {
	it('lists every built page, and every page it lists is built', () => {
		expect(builtPages.length).toBeGreaterThan(30);
		expect([...routes.map(routeFile)].sort()).toEqual([...builtPages].sort());
	});

	it('has one entry per address, and each page carries the title the registry gives it', () => {
		expect(new Set(routes.map((r) => r.path)).size).toBe(routes.length);
		for (const route of routes) {
			const tree = parseHtml(readFileSync(join(DIST, routeFile(route)), 'utf8'));
			const title = [...elements(tree)].find((e) => e.tagName === 'title');
			const text = title?.children.map((c) => (c.type === 'text' ? c.value : '')).join('') ?? '';
			expect(text.split(' | ')[0], routeFile(route)).toBe(route.title);
		}
	});

	it('is what the sidebar shows, in its order', () => {
		const inSidebar = routes.filter((r) => r.sidebar);
		// The built sidebar of a lesson: every link, in order.
		const nav = [...elements(parseHtml(readFileSync(join(DIST, 'cq-1/index.html'), 'utf8')))].find(
			(e) => e.tagName === 'nav' && attr(e, 'ariaLabel') !== undefined && (attr(e, 'className') ?? '').includes('sidebar')
		);
		expect(nav, 'thanh bên của trang cq-1').toBeDefined();
		const links = [...elements(nav!)].filter((e) => e.tagName === 'a').map((a) => attr(a, 'href'));
		expect(links).toEqual(inSidebar.map((r) => `${base}${r.path}/`));
		// And the config handed to Starlight names the same pages.
		const flat = (items: ReturnType<typeof buildSidebar>): string[] =>
			items.flatMap((i) => ('items' in i ? flat(i.items) : 'link' in i ? [i.link.slice(1, -1)] : [i.slug]));
		expect(flat(buildSidebar(data))).toEqual(inSidebar.map((r) => r.path));
	});

	it('decides which pages "Lưu để dùng khi không có mạng" stores', () => {
		const { pages } = JSON.parse(readFileSync(join(DIST, 'offline.json'), 'utf8')) as { pages: string[] };
		expect([...pages].sort()).toEqual(
			routes
				.filter((r) => r.offline)
				.map((r) => `${base}${r.path ? `${r.path}/` : ''}`)
				.sort()
		);
		expect(pages).not.toContain(`${base}in/tat-ca-bai-hoc/`);
	});

	it('decides which PDFs are printed', () => {
		const jobs = pdfJobs(routes);
		// Every criterion's lesson, every sheet and the booklet, each from its own page.
		expect(jobs).toContainEqual({ name: 'cq-1', path: 'cq-1/' });
		expect(jobs).toContainEqual({ name: 'phieu-tu-danh-gia', path: 'in/phieu-tu-danh-gia/' });
		expect(jobs).toContainEqual({ name: 'tat-ca-bai-hoc', path: 'in/tat-ca-bai-hoc/' });
		expect(jobs).toHaveLength(data.lessons.filter((l) => l.data.criterion).length + SHEETS.length + 1);
		// A build with PDFs (not PDF=0) has exactly those files.
		if (existsSync(join(DIST, 'pdf')))
			expect(readdirSync(join(DIST, 'pdf')).filter((f) => f.endsWith('.pdf')).sort()).toEqual(jobs.map((j) => `${j.name}.pdf`).sort());
	});

	it('stops the build when a page is built that it does not list, or listed and not built', async () => {
		const out = mkdtempSync(join(tmpdir(), 'gds-routes-'));
		try {
			for (const rel of builtPages) {
				mkdirSync(join(out, rel, '..'), { recursive: true });
				writeFileSync(join(out, rel), '<!DOCTYPE html><title>x</title>');
			}
			const log = { info: () => {} } as unknown as Build['log'];
			const build = { out, base, data, routes, log } as Build;
			await expect(checkRoutes(build)).resolves.toBeUndefined();
			mkdirSync(join(out, 'trang-moi'));
			writeFileSync(join(out, 'trang-moi', 'index.html'), '<!DOCTYPE html><title>x</title>');
			await expect(checkRoutes(build)).rejects.toThrow('Trang được xây dựng nhưng không có trong src/data/routes.ts: trang-moi/index.html');
			rmSync(join(out, 'trang-moi'), { recursive: true });
			rmSync(join(out, 'tu-dien-so'), { recursive: true });
			await expect(checkRoutes(build)).rejects.toThrow('Trang có trong src/data/routes.ts nhưng không được xây dựng: tu-dien-so/index.html');
		} finally {
			rmSync(out, { recursive: true, force: true });
		}
	});
});
