/**
 * A household's answers: for each criterion, đạt, chưa đạt or không áp dụng (only for the
 * criteria that concern businesses). Shared by "Gia đình tôi", the lessons' "đã làm được"
 * control and the team's tally, so the three always agree.
 */

import type { AppliesTo } from '../data/schema';
import { criterionNumber } from './criterion';
import { foldKey } from './fold-key';

export type AnswerState = 'dat' | 'chua-dat' | 'khong-ap-dung';
export type Answers = Record<string, AnswerState>;

/** What the tool needs to know of a criterion; a subset of the data's Criterion. */
export interface CriterionRef {
	id: string;
	group: string;
	appliesTo: AppliesTo;
}

export const STATE_LABELS: Record<AnswerState, string> = {
	dat: 'đạt',
	'chua-dat': 'chưa đạt',
	'khong-ap-dung': 'không áp dụng',
};

export const STATES = Object.keys(STATE_LABELS) as AnswerState[];

/** Only criteria that concern businesses alone may be "không áp dụng" for a household. */
export function mayNotApply(criterion: CriterionRef): boolean {
	return criterion.appliesTo === 'business';
}

export function allowedStates(criterion: CriterionRef): AnswerState[] {
	return mayNotApply(criterion) ? STATES : ['dat', 'chua-dat'];
}

/** Reads "đạt", "Chưa đạt", "khong ap dung" … as people write them (CSV cells, typed text). */
export function parseState(text: string): AnswerState | undefined {
	const key = foldKey(text);
	return ({ dat: 'dat', 'chua dat': 'chua-dat', 'khong ap dung': 'khong-ap-dung' } as const)[key];
}

export interface Progress {
	/** Criteria met. */
	met: number;
	/** Criteria that apply to this household (all but those marked "không áp dụng"). */
	applicable: number;
}

/** "đạt 14 / 19 tiêu chí áp dụng": unanswered criteria count as applicable and not met. */
export function progress(criteria: CriterionRef[], answers: Answers): Progress {
	let met = 0;
	let applicable = 0;
	for (const c of criteria) {
		const state = answers[c.id];
		if (state === 'khong-ap-dung' && mayNotApply(c)) continue;
		applicable++;
		if (state === 'dat') met++;
	}
	return { met, applicable };
}

export interface Cleaned {
	answers: Answers;
	/** One plain Vietnamese sentence per thing that had to be dropped; empty when all was well. */
	dropped: string[];
}

/**
 * Keeps whatever can be kept of answers read from storage, a file or an older version of the
 * criteria list: unknown criteria and impossible values are dropped and reported, new criteria
 * simply have no answer yet.
 */
export function cleanAnswers(criteria: CriterionRef[], raw: unknown): Cleaned {
	const answers: Answers = {};
	const dropped: string[] = [];
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { answers, dropped: ['Không đọc được câu trả lời đã lưu.'] };
	const byId = new Map(criteria.map((c) => [c.id, c]));
	for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
		const criterion = byId.get(id);
		if (!criterion) {
			dropped.push(`Tiêu chí ${criterionNumber(id)} không còn trong danh sách, đã bỏ câu trả lời của nó.`);
			continue;
		}
		const state = typeof value === 'string' ? (STATES.includes(value as AnswerState) ? (value as AnswerState) : parseState(value)) : undefined;
		if (!state || !allowedStates(criterion).includes(state)) {
			dropped.push(`Câu trả lời của tiêu chí ${criterionNumber(id)} không hợp lệ, đã bỏ.`);
			continue;
		}
		answers[id] = state;
	}
	return { answers, dropped };
}

/** One letter per value of the data's appliesTo (schema.ts); the type check keeps the two in step. */
const APPLIES_CODE = { all: 'a', business: 'b', mixed: 'm' } as const satisfies Record<AppliesTo, string>;
const APPLIES = Object.fromEntries(Object.entries(APPLIES_CODE).map(([value, code]) => [code, value])) as Record<string, AppliesTo>;

/** The criteria list as a short attribute value ("cq-1.chinh-quyen-so.a kt-2.kinh-te-so.b …"), for pages. */
export function serializeRefs(refs: CriterionRef[]): string {
	return refs.map((r) => `${r.id}.${r.group}.${APPLIES_CODE[r.appliesTo]}`).join(' ');
}

export function parseRefs(text: string): CriterionRef[] {
	return text
		.split(' ')
		.filter(Boolean)
		.map((item) => {
			const [id, group, applies] = item.split('.');
			return { id: id!, group: group!, appliesTo: APPLIES[applies!] ?? 'all' };
		});
}
