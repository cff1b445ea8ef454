import { describe, expect, it } from 'vitest';
import { answer, parseAnswers, score, scoreText } from './practice-score';

describe('"Thật hay lừa?" score', () => {
	const truth = { a: 'lua', b: 'that', c: 'lua' } as const;
	it('counts only the first answer of a scenario', () => {
		let answers = answer({}, 'a', 'that');
		answers = answer(answers, 'a', 'lua');
		expect(answers).toEqual({ a: 'that' });
		expect(score(answer(answers, 'b', 'that'), truth)).toEqual({ answered: 2, right: 1, total: 3 });
	});
	it('ignores broken storage and scenarios that were removed', () => {
		expect(parseAnswers('not json')).toEqual({});
		expect(parseAnswers('{"a":"lua","b":"maybe"}')).toEqual({ a: 'lua' });
		expect(score({ gone: 'lua', a: 'lua' }, truth)).toEqual({ answered: 1, right: 1, total: 3 });
	});
	it('says the score in Vietnamese', () => {
		expect(scoreText({ answered: 0, right: 0, total: 17 })).toBe('Chưa trả lời tình huống nào (có 17 tình huống).');
		expect(scoreText({ answered: 5, right: 4, total: 17 })).toBe('Đã trả lời 5/17 tình huống, đúng ngay lần đầu 4 tình huống.');
	});
});
