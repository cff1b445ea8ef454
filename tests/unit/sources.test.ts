/**
 * Issue 12's data rules: every source shows when it was published, no date lies in the future,
 * each criterion has a plain “đạt khi” line, and the commune's help desks and decisions are data.
 * These tests build their own small projects, so they do not depend on the state of the lessons.
 */
import { describe, expect, it } from 'vitest';
import { copyProject, edit, problemsOf, root } from './project-copy';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { formatProblem, scanLessons, todayInVietnam, type Problem } from '../../src/data/load';



/** One lesson alone in a throwaway project, checked as the build checks it, on a given day in Vietnam. */
function lessonProblems(frontmatter: string, today = '2026-11-30'): string[] {
	const dir = mkdtempSync(join(tmpdir(), 'gds-lesson-'));
	try {
		mkdirSync(join(dir, 'content/docs'), { recursive: true });
		writeFileSync(join(dir, 'content/docs/cq-1.mdx'), `---\n${frontmatter.trim()}\n---\n\nNội dung.\n`);
		const problems: Problem[] = [];
		const criteria = [{ id: 'cq-1', group: 'chinh-quyen-so', wording: 'x', title: 'x', passWhen: 'x', appliesTo: 'all' as const }];
		scanLessons(dir, criteria, ['gov.vn'], problems, new Set(), { today });
		return problems.map(formatProblem);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

const lesson = (sources: string, checked = '2026-11-30') => `
title: Bài thử
criterion: cq-1
checked: ${checked}
selfCheck: [Làm được.]
sources:
${sources}`;

const source = (fields: string) => `  - title: Báo thử
    url: https://baochinhphu.vn/bai-thu.htm
${fields}`;

describe('sources are honest: each shows its date, and no date lies in the future', () => {
	it('accepts a source with its publication date and a check made today', () => {
		expect(lessonProblems(lesson(source('    published: 2025-10-21\n    checked: 2026-11-30')))).toEqual([]);
	});

	const MISSING =
		'nguồn “Báo thử” thiếu ngày đăng (published), viết theo dạng 2025-10-21; trang không ghi ngày đăng thì ghi ngày đã mở trang và kiểm tra (checked)';

	it('refuses a source with no date at all, naming the file, the field and the source', () => {
		const problems = lessonProblems(lesson(source('    published: 2025-10-21') + '\n' + source('')));
		expect(problems).toEqual([`content/docs/cq-1.mdx, trường "sources.published", mục thứ 2: ${MISSING}`]);
	});

	it('accepts an undated page (an official app page) shown with the day someone opened it', () => {
		expect(lessonProblems(lesson(source('    checked: 2026-11-30')))).toEqual([]);
	});

	it('accepts a source that gives only its month or year', () => {
		expect(lessonProblems(lesson(source("    published: '2023-07'") + '\n' + source("    published: '2023'")))).toEqual([]);
	});

	it('refuses a lesson “checked” tomorrow', () => {
		expect(lessonProblems(lesson(source('    published: 2025-10-21'), '2026-12-01'))).toEqual([
			'content/docs/cq-1.mdx, trường "checked": ngày kiểm tra 01/12/2026 còn ở sau hôm nay (30/11/2026); chỉ ghi ngày đã qua',
		]);
	});

	it('refuses a source checked or published after today', () => {
		const problems = lessonProblems(lesson(source('    published: 2027-01-05\n    checked: 2026-12-25')));
		expect(problems).toEqual([
			'content/docs/cq-1.mdx, trường "sources.checked", mục thứ 1: ngày kiểm tra 25/12/2026 còn ở sau hôm nay (30/11/2026); chỉ ghi ngày đã qua',
			'content/docs/cq-1.mdx, trường "sources.published", mục thứ 1: đăng ngày 5/1/2027 còn ở sau hôm nay (30/11/2026); chỉ ghi ngày đã qua',
		]);
	});

	it('counts “today” in Vietnam: 30/11 begins at 17:00 UTC on 29/11', () => {
		expect(todayInVietnam(new Date('2026-11-29T16:59:00Z'))).toBe('2026-11-29');
		expect(todayInVietnam(new Date('2026-11-29T17:00:00Z'))).toBe('2026-11-30');
	});

	it('applies to chapters too, such as the safety chapter', () => {
		const chapter = `title: An toàn\nsources:\n${source('')}`;
		expect(lessonProblems(chapter)).toEqual([`content/docs/cq-1.mdx, trường "sources.published", mục thứ 1: ${MISSING}`]);
	});
});

describe('each criterion has a plain “đạt khi” line', () => {
	it('the real data gives one to every criterion, at most 20 syllables', () => {
		const criteria: { id: string; passWhen?: string }[] = parseYaml(readFileSync(join(root, 'content/data/criteria.yaml'), 'utf8'));
		for (const c of criteria) {
			expect(c.passWhen, c.id).toBeTruthy();
			expect(c.passWhen!.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length, c.id).toBeLessThanOrEqual(20);
		}
	});

	it('a missing or too long line stops the build, naming the criterion and the field', () => {
		const dir = copyProject();
		edit(dir, 'content/data/criteria.yaml', (t) =>
			t
				.replace(/  passWhen: Mỗi người từ 14 tuổi.*\n/, '')
				.replace(/passWhen: Cửa hàng, nhà trọ.*/, 'passWhen: Cửa hàng, nhà trọ, quán ăn, tiệm tạp hóa của gia đình có mã QR nhận tiền đứng tên chủ hộ, dán ở nơi khách dễ thấy.')
		);
		const message = problemsOf(dir);
		expect(message).toContain('content/data/criteria.yaml, tiêu chí thứ 1 (cq-1), trường "passWhen": thiếu dòng “đạt khi” (passWhen)');
		expect(message).toMatch(/tiêu chí thứ 8 \(kt-3\), trường "passWhen": dòng “đạt khi” dài 2\d âm tiết, tối đa 20/);
	});
});

describe('the commune records what it has confirmed and decided', () => {
	const commune = parseYaml(readFileSync(join(root, 'content/data/commune.yaml'), 'utf8'));
	it('has the three places to ask, with nothing confirmed or invented yet', () => {
		for (const key of ['villageTeam', 'police', 'publicServiceCenter']) {
			expect(commune.help[key].confirmed, key).toBe(false);
			expect([commune.help[key].address, commune.help[key].hours, commune.help[key].phone], key).toEqual(['', '', '']);
		}
	});
	it('has UBND xã’s decision on the province’s Zalo OA as undecided', () => {
		expect(commune.decisions.provinceOA.status).toBe('undecided');
	});
	it('refuses a decision with an unknown status', () => {
		const dir = copyProject();
		edit(dir, 'content/data/commune.yaml', (t) => t.replace('    status: undecided', '    status: maybe'));
		expect(problemsOf(dir)).toContain('content/data/commune.yaml, trường "decisions.provinceOA.status": status chỉ nhận undecided');
	});
});
