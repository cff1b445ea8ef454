import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSiteData } from '../../src/data/load';

const root = process.cwd();
const data = loadSiteData(root, { env: {} });
const lessons = data.lessons.filter((l) => l.data.criterion);
const ANATOMY = ['Vì sao cần', 'Cần chuẩn bị', 'Các bước', 'Lưu ý an toàn', 'Gặp khó khăn?'];
const safetyIds = new Set([...readFileSync(join(root, 'content/docs/an-toan.mdx'), 'utf8').matchAll(/id="([^"]+)"/g)].map((m) => m[1]));

describe.each(lessons.map((l) => [l.data.criterion!, l] as const))('lesson %s', (_id, lesson) => {
	const body = readFileSync(join(root, lesson.file), 'utf8').replace(/^---[\s\S]*?\n---/, '');
	const headings = [...body.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());

	it('follows the house anatomy, in order', () => {
		expect(headings).toEqual(ANATOMY);
	});

	it('has numbered steps', () => {
		expect(body).toMatch(/<Steps>\s*\n\s*1\. /);
	});

	it('links its safety note to the matching part of the safety chapter', () => {
		const safety = body.slice(body.indexOf('## Lưu ý an toàn'), body.indexOf('## Gặp khó khăn?'));
		const anchors = [...safety.matchAll(/\.\.\/an-toan\/#([\w-]+)/g)].map((m) => m[1]);
		expect(anchors.length).toBeGreaterThan(0);
		for (const a of anchors) expect(safetyIds.has(a), a).toBe(true);
	});

	it('has what the checklist and the sheets reuse: a self-check, sources with dates, keywords', () => {
		expect(lesson.data.selfCheck.length).toBeGreaterThanOrEqual(2);
		expect(lesson.data.sources.length).toBeGreaterThan(0);
		expect(lesson.data.keywords.length).toBeGreaterThanOrEqual(5);
	});

	// The handbook must serve the commune named in content/data/commune.yaml, so a lesson never
	// writes that name itself: its text uses <CommuneName /> ("xã Kon Chiêng"), <CommuneName short />
	// and <CommuneName province />, and its title and description (which cannot hold components) do
	// without. The rule is kept simple: the commune's name and full name from commune.yaml may not
	// appear in the title, the description or the body. Proper names of provincial bodies
	// ("Hành chính công tỉnh Gia Lai", Báo Gia Lai) contain only the province's name, which this test
	// does not look for, so they stay as written; source titles are not checked (they quote the source).
	it('names the commune only through <CommuneName />, never in its own words', () => {
		const { name, fullName } = data.commune.commune;
		const lines = [String(lesson.data.title), String(lesson.data.description ?? ''), ...body.split('\n')];
		const offending = lines.filter((line) => [name, fullName].some((n) => line.toLowerCase().includes(n.toLowerCase())));
		expect(offending).toEqual([]);
	});

	it('never prints an unconfirmed number for the 1022 line or the old provincial hotline', () => {
		expect(body).not.toMatch(/0269[.\s]?1022|0593[.\s]?824053/);
	});
});
