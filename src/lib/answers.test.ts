import { describe, expect, it } from 'vitest';
import { loadSiteData } from '../data/load';
import { allowedStates, cleanAnswers, mayNotApply, parseRefs, parseState, progress, serializeRefs, STATES } from './answers';

const { criteria } = loadSiteData(process.cwd(), { env: {} });

describe('saved answers', () => {
	it('keeps what it can when a criterion is added or removed, and says so', () => {
		const saved = { 'cq-1': 'dat', 'kt-2': 'khong-ap-dung', 'xx-9': 'dat', 'cq-2': 'khong-ap-dung', 'cq-3': 42 };
		const { answers, dropped } = cleanAnswers(criteria, saved);
		expect(answers).toEqual({ 'cq-1': 'dat', 'kt-2': 'khong-ap-dung' });
		expect(dropped).toHaveLength(3);
		expect(dropped.join(' ')).toContain('XX-9');
	});

	it('counts progress over the criteria that apply', () => {
		expect(progress(criteria, { 'cq-1': 'dat', 'kt-2': 'khong-ap-dung', 'kt-3': 'khong-ap-dung' })).toEqual({ met: 1, applicable: 19 });
	});

	it('reports unreadable storage in one sentence', () => {
		expect(cleanAnswers(criteria, 'garbage').dropped).toEqual(['Không đọc được câu trả lời đã lưu.']);
	});
});

describe('criteria list written into a page', () => {
	it('reads back exactly what was written', () => {
		const refs = criteria.map(({ id, group, appliesTo }) => ({ id, group, appliesTo }));
		expect(parseRefs(serializeRefs(refs))).toEqual(refs);
		expect(serializeRefs(refs).length).toBeLessThan(600);
	});
});

describe('answers as people write them', () => {
	it('reads đạt, chưa đạt and không áp dụng with or without tone marks, in any case', () => {
		expect(parseState('Đạt')).toBe('dat');
		expect(parseState(' CHƯA  ĐẠT ')).toBe('chua-dat');
		expect(parseState('khong ap dung')).toBe('khong-ap-dung');
		for (const other of ['', 'x', 'đạt rồi', 'chưa']) expect(parseState(other), other).toBeUndefined();
	});

	it('lets only the criteria for businesses be "không áp dụng"', () => {
		const business = criteria.filter(mayNotApply);
		expect(business.length).toBeGreaterThan(0);
		for (const c of criteria) expect(allowedStates(c).includes('khong-ap-dung'), c.id).toBe(c.appliesTo === 'business');
		expect(allowedStates(business[0]!)).toEqual(STATES);
	});

	it('writes criterion numbers in messages as people see them (CQ-1)', () => {
		expect(cleanAnswers(criteria, { 'cq-1': 'maybe' }).dropped).toEqual(['Câu trả lời của tiêu chí CQ-1 không hợp lệ, đã bỏ.']);
	});
});
