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

	it('never prints an unconfirmed number for the 1022 line or the old provincial hotline', () => {
		expect(body).not.toMatch(/0269[.\s]?1022|0593[.\s]?824053/);
	});
});
