import { describe, expect, it } from 'vitest';
import { loadSiteData } from '../data/load';
import type { Answers, CriterionRef } from './answers';
import { encodeShortCode, ShortCodeError } from './shortcode';
import {
	addHousehold,
	applyShortCode,
	formatPercent,
	householdsToGoal,
	meetsGoal,
	removeHousehold,
	renameHousehold,
	setAnswer,
	summarize,
	TallyError,
	unansweredNotes,
	type Tally,
} from './tally';

const { criteria, groups } = loadSiteData(process.cwd(), { env: {} });

/** A small list to reason about: two criteria for everyone, one for businesses only. */
const small: CriterionRef[] = [
	{ id: 'cq-1', group: 'a', appliesTo: 'all' },
	{ id: 'kt-2', group: 'b', appliesTo: 'business' },
	{ id: 'kt-3', group: 'b', appliesTo: 'mixed' },
];
const smallGroups = [
	{ id: 'a', name: 'A' },
	{ id: 'b', name: 'B' },
];
const everything = (state: Answers[string]): Answers => Object.fromEntries(criteria.map((c) => [c.id, state]));

describe('the village summary', () => {
	it('shows no share, not 0%, for a village without households', () => {
		const s = summarize(criteria, groups, []);
		expect(s.households).toBe(0);
		expect(s.overall).toEqual({ met: 0, of: 0 });
		expect(s.criteria.every((c) => c.of === 0)).toBe(true);
		expect(formatPercent(s.overall)).toBe('—');
		expect(meetsGoal(s.overall, 80)).toBe(false);
		expect(householdsToGoal(s.overall, 80)).toBe(0);
	});

	it('counts a criterion only among the households it applies to', () => {
		const s = summarize(small, smallGroups, [
			{ answers: { 'cq-1': 'dat', 'kt-2': 'khong-ap-dung', 'kt-3': 'dat' } },
			{ answers: { 'cq-1': 'dat', 'kt-2': 'dat', 'kt-3': 'chua-dat' } },
			{ answers: { 'cq-1': 'chua-dat', 'kt-2': 'chua-dat', 'kt-3': 'dat' } },
		]);
		expect(s.criteria.map((c) => [c.id, c.met, c.of])).toEqual([
			['cq-1', 2, 3],
			['kt-2', 1, 2],
			['kt-3', 2, 3],
		]);
		expect(s.groups.map((g) => [g.id, g.met, g.of])).toEqual([
			['a', 2, 3],
			['b', 1, 3],
		]);
		expect(s.overall).toEqual({ met: 1, of: 3 });
	});

	it('leaves out of a share the households to which none of its criteria applies', () => {
		const onlyBusiness = small.filter((c) => c.appliesTo === 'business');
		const s = summarize(onlyBusiness, [{ id: 'b', name: 'B' }], [{ answers: { 'kt-2': 'khong-ap-dung' } }, { answers: { 'kt-2': 'khong-ap-dung' } }]);
		expect(s.criteria[0]).toMatchObject({ met: 0, of: 0 });
		expect(s.groups[0]).toMatchObject({ met: 0, of: 0 });
		expect(s.overall).toEqual({ met: 0, of: 0 });
		expect(formatPercent(s.criteria[0]!)).toBe('—');
	});

	it('counts a household that marks every business criterion "không áp dụng" as Gia đình số when it meets the rest', () => {
		const answers = everything('dat');
		for (const c of criteria) if (c.appliesTo === 'business') answers[c.id] = 'khong-ap-dung';
		const s = summarize(criteria, groups, [{ answers }]);
		expect(s.overall).toEqual({ met: 1, of: 1 });
	});

	it('treats a criterion added after the data was entered as not answered, not met, and says so', () => {
		const before = everything('dat');
		delete before['xh-9'];
		const s = summarize(criteria, groups, [{ answers: before }, { answers: everything('dat') }]);
		expect(s.criteria.find((c) => c.id === 'xh-9')).toMatchObject({ met: 1, of: 2, unanswered: 1 });
		expect(s.overall).toEqual({ met: 1, of: 2 });
		expect(unansweredNotes(s)).toEqual(['1 hộ chưa trả lời tiêu chí XH-9: được tính là chưa đạt.']);
		const half = summarize(criteria, groups, [{ answers: { 'cq-1': 'dat' } }, { answers: {} }]);
		expect(unansweredNotes(half)).toEqual([
			`2 hộ chưa trả lời tiêu chí ${criteria.slice(1).map((c) => c.id.toUpperCase()).join(', ')}: được tính là chưa đạt.`,
			'1 hộ chưa trả lời tiêu chí CQ-1: được tính là chưa đạt.',
		]);
	});
});

describe('shares against the goal', () => {
	it('rounds half up as Excel does, but decides the goal on the exact share', () => {
		expect(formatPercent({ met: 1999, of: 2500 })).toBe('80%');
		expect(meetsGoal({ met: 1999, of: 2500 }, 80)).toBe(false);
		expect(formatPercent({ met: 4, of: 5 })).toBe('80%');
		expect(meetsGoal({ met: 4, of: 5 }, 80)).toBe(true);
		expect(formatPercent({ met: 2, of: 3 })).toBe('66,7%');
	});

	it('says how many more households the village needs', () => {
		expect(householdsToGoal({ met: 10, of: 20 }, 80)).toBe(6);
		expect(householdsToGoal({ met: 17, of: 20 }, 80)).toBe(0);
		expect(householdsToGoal({ met: 0, of: 3 }, 80)).toBe(3);
	});
});

describe('recording households', () => {
	const empty: Tally = { village: 'Kon Chiêng', households: [] };

	it('adds households and refuses the same name and house number twice, whatever the tone marks', () => {
		let t = addHousehold(empty, '  Đinh Văn  A ', '12');
		t = addHousehold(t, 'Đinh Văn A', '14');
		expect(t.households.map((h) => [h.name, h.houseNumber])).toEqual([
			['Đinh Văn A', '12'],
			['Đinh Văn A', '14'],
		]);
		expect(() => addHousehold(t, 'dinh van a', '12')).toThrow(/đã có trong sổ/);
		expect(() => addHousehold(t, '  ', '')).toThrow(TallyError);
		// An invisible zero-width space does not make another household.
		expect(() => addHousehold(t, 'Đinh\u200b Văn A', '12')).toThrow(/đã có trong sổ/);
		// The name is optional: a house number is enough.
		expect(addHousehold(t, '  ', '3').households.at(-1)).toMatchObject({ name: '', houseNumber: '3' });
	});

	it('renames a household but not onto another', () => {
		let t = addHousehold(addHousehold(empty, 'A', '1'), 'B', '2');
		const b = t.households[1]!.id;
		expect(() => renameHousehold(t, b, 'A', '1')).toThrow(/đã có/);
		t = renameHousehold(t, b, 'B', '2a');
		expect(t.households[1]!.houseNumber).toBe('2a');
		expect(removeHousehold(t, b).households).toHaveLength(1);
	});

	it('records only the states a criterion allows', () => {
		const t = addHousehold(empty, 'A', '1');
		const id = t.households[0]!.id;
		expect(setAnswer(t, criteria, id, 'kt-2', 'khong-ap-dung').households[0]!.answers['kt-2']).toBe('khong-ap-dung');
		expect(() => setAnswer(t, criteria, id, 'cq-1', 'khong-ap-dung')).toThrow(/không ghi “không áp dụng”/);
	});

	it('fills every answer from a short code, and changes nothing when the code is wrong', () => {
		const t = addHousehold(empty, 'A', '1');
		const id = t.households[0]!.id;
		const answers = everything('dat');
		const filled = applyShortCode(t, criteria, id, encodeShortCode(criteria, answers));
		expect(filled.households[0]!.answers).toEqual(answers);
		expect(() => applyShortCode(t, criteria, id, 'ABCDEFG2')).toThrow(ShortCodeError);
		expect(t.households[0]!.answers).toEqual({});
	});
});

describe('percentages as Excel rounds them', () => {
	it('rounds half up to one decimal', async () => {
		const { formatPercent, percentCell } = await import('./tally');
		expect(formatPercent({ met: 35, of: 45 })).toBe('77,8%');
		expect(formatPercent({ met: 311, of: 400 })).toBe('77,8%'); // 77,75
		expect(formatPercent({ met: 10, of: 15 })).toBe('66,7%');
		expect(formatPercent({ met: 1, of: 3 })).toBe('33,3%');
		expect(formatPercent({ met: 3, of: 3 })).toBe('100%');
		expect(percentCell({ met: 3, of: 6 })).toBe('50,0');
	});
});
