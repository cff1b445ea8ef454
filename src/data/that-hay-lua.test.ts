import { describe, expect, it } from 'vitest';
import { checkScenarios, loadScenarios } from './that-hay-lua';

const good = { id: 'a', kind: 'sms', from: 'Số lạ', message: 'Bấm link', answer: 'lua', sign: 'Link lạ', todo: 'Xóa tin' };

describe('"Thật hay lừa?" scenarios', () => {
	it('the file in the repository is valid, with at least 12 scenarios and both answers', () => {
		const scenarios = loadScenarios();
		expect(scenarios.length).toBeGreaterThanOrEqual(12);
		expect(scenarios.some((s) => s.answer === 'that')).toBe(true);
		expect(scenarios.some((s) => s.answer === 'lua')).toBe(true);
	});
	it('names the file, the scenario and the field of each mistake, in Vietnamese', () => {
		const { problems } = checkScenarios({ scenarios: [good, { ...good, id: 'b', answer: 'co le', sign: '' }, { ...good }] });
		expect(problems).toEqual([
			{ file: 'content/data/that-hay-lua.yaml', where: 'tình huống thứ 2 (b), trường "answer"', message: 'phải là that (thật) hoặc lua (lừa)' },
			{ file: 'content/data/that-hay-lua.yaml', where: 'tình huống thứ 2 (b), trường "sign"', message: 'cần dấu hiệu cần nhìn' },
			{ file: 'content/data/that-hay-lua.yaml', where: 'tình huống thứ 3 (a), trường "id"', message: 'tên "a" đã dùng cho một tình huống khác' },
		]);
		expect(checkScenarios([good]).problems[0]!.message).toContain('scenarios:');
	});
	it('refuses a "read more" link to a page or section that does not exist', () => {
		const { problems } = checkScenarios({ scenarios: [{ ...good, read: 'an-toan/#khong-co' }, { ...good, id: 'b', read: 'zz-9/' }] }, process.cwd());
		expect(problems.map((p) => p.message)).toEqual(['bài an-toan không có mục #khong-co', 'không có bài content/docs/zz-9.mdx']);
	});
});
