import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSiteData, SiteDataError } from '../../src/data/load';

const root = process.cwd();

/** Loads a copy of content/ in which cq-1's frontmatter got `review` as given. */
function loadWithReview(review: string): string | undefined {
	const dir = mkdtempSync(join(tmpdir(), 'gds-review-'));
	try {
		cpSync(join(root, 'content'), join(dir, 'content'), { recursive: true });
		const file = join(dir, 'content/docs/cq-1.mdx');
		const text = readFileSync(file, 'utf8').replace(/^review:\n(?: {2}.*\n)*/m, '');
		writeFileSync(file, text.replace(/^selfCheck:/m, `${review}\nselfCheck:`));
		loadSiteData(dir, { env: {} });
		return undefined;
	} catch (error) {
		expect(error).toBeInstanceOf(SiteDataError);
		return (error as Error).message;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

describe('Ôn tập questions in a lesson’s frontmatter', () => {
	it('accept a right answer counted from 0', () => {
		expect(loadWithReview('review:\n  - question: Hỏi?\n    options: [Một, Hai]\n    answer: 1\n    why: Vì thế.')).toBeUndefined();
	});

	it('stop the build, naming the file and the field, when the answer points past the options', () => {
		const message = loadWithReview('review:\n  - question: Hỏi?\n    options: [Một, Hai, Ba]\n    answer: 3\n    why: Vì thế.');
		expect(message).toContain('content/docs/cq-1.mdx');
		expect(message).toMatch(/trường "review\.answer", mục thứ 1: số thứ tự câu trả lời đúng \(answer\)/);
	});

	it('name which question is wrong', () => {
		const message = loadWithReview(
			'review:\n  - question: Một?\n    options: [A, B]\n    answer: 0\n    why: Vì.\n  - question: Hai?\n    options: [A, B]\n    answer: -1\n    why: Vì.'
		);
		expect(message).toMatch(/content\/docs\/cq-1\.mdx, trường "review\.answer", mục thứ 2/);
	});
});

// Issue 16: every lesson ends with two or three review questions. The lesson writers add them.
describe('every criterion’s lesson', () => {
	const lessons = loadSiteData(root, { env: {} }).lessons.filter((l) => l.data.criterion);
	it.each(lessons.map((l) => [l.file, l] as const))('%s has 2 or 3 Ôn tập questions', (file, lesson) => {
		expect(lesson.data.review.length, `${file}: số câu hỏi ôn tập (review)`).toBeGreaterThanOrEqual(2);
		expect(lesson.data.review.length, `${file}: số câu hỏi ôn tập (review)`).toBeLessThanOrEqual(3);
	});
});
