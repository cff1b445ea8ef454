/**
 * The Tổ công nghệ số's tally of a village: its households, their answers, and the shares the
 * commune reports against its goal. Pure functions over plain data, shared by the village page,
 * the commune's summary and their CSV files.
 */
import { decodeShortCode } from './shortcode';
import { allowedStates, mayNotApply, STATE_LABELS, type Answers, type AnswerState, type CriterionRef } from './answers';
import { criterionNumber } from './criterion';
import { foldKey } from './fold-key';

export interface GroupRef {
	id: string;
	name: string;
}

export interface Household {
	/** Stable within the device, so the page can find the household after others are removed. */
	id: string;
	/** Optional: the house number and the answers are what the tally needs; a name only helps to find the household. */
	name: string;
	houseNumber: string;
	/** A criterion without an answer is "chưa trả lời": counted as applicable and not met. */
	answers: Answers;
}

export interface Tally {
	village: string;
	households: Household[];
}

/** A share: households that meet something, of those it applies to. */
export interface Share {
	met: number;
	of: number;
}

export interface CriterionShare extends Share {
	id: string;
	/** Households with no answer for this criterion, e.g. because it was added after they were recorded. */
	unanswered: number;
}

export interface GroupShare extends Share {
	id: string;
}

export interface TallySummary {
	households: number;
	criteria: CriterionShare[];
	groups: GroupShare[];
	/** Households that meet every criterion that applies to them: "Gia đình số". */
	overall: Share;
}

/** A mistake the user can fix, in their words. */
export class TallyError extends Error {
	name = 'TallyError';
}

function applies(criterion: CriterionRef, answers: Answers): boolean {
	return !(mayNotApply(criterion) && answers[criterion.id] === 'khong-ap-dung');
}

/**
 * Whether a household meets all of these criteria, or undefined when none of them applies to it
 * (then it is left out of the share rather than counted as meeting nothing, or everything).
 */
export function meetsAllApplicable(criteria: CriterionRef[], answers: Answers): boolean | undefined {
	let applicable = 0;
	for (const c of criteria) {
		if (!applies(c, answers)) continue;
		applicable++;
		if (answers[c.id] !== 'dat') return false;
	}
	return applicable ? true : undefined;
}

function addTo(share: Share, meets: boolean | undefined) {
	if (meets === undefined) return;
	share.of++;
	if (meets) share.met++;
}

export function summarize(criteria: CriterionRef[], groups: GroupRef[], households: Pick<Household, 'answers'>[]): TallySummary {
	const byGroup = groups.map((g) => ({ group: g, criteria: criteria.filter((c) => c.group === g.id) }));
	const summary: TallySummary = {
		households: households.length,
		criteria: criteria.map((c) => ({ id: c.id, met: 0, of: 0, unanswered: 0 })),
		groups: groups.map((g) => ({ id: g.id, met: 0, of: 0 })),
		overall: { met: 0, of: 0 },
	};
	for (const { answers } of households) {
		criteria.forEach((c, i) => {
			const share = summary.criteria[i]!;
			if (!(c.id in answers)) share.unanswered++;
			addTo(share, applies(c, answers) ? answers[c.id] === 'dat' : undefined);
		});
		byGroup.forEach(({ criteria: inGroup }, i) => addTo(summary.groups[i]!, meetsAllApplicable(inGroup, answers)));
		addTo(summary.overall, meetsAllApplicable(criteria, answers));
	}
	return summary;
}

/**
 * A share in tenths of a per cent, rounded half up as Excel rounds to one decimal: 35/45 = 77,77… → 778,
 * 311/400 = 77,75 → 778. Whole numbers only, so no floating-point surprise.
 */
export function percentTenths(share: Share): number {
	return Math.floor((2000 * share.met + share.of) / (2 * share.of));
}

/** "77,8%" as Vietnamese write it, rounded half up to one decimal; "—" when nothing applies. Whether the goal is met is decided on the exact share (meetsGoal). */
export function formatPercent(share: Share): string {
	if (!share.of) return '—';
	const tenths = percentTenths(share);
	return `${Math.floor(tenths / 10)}${tenths % 10 ? `,${tenths % 10}` : ''}%`;
}

/** The same rounding as a number for a spreadsheet cell: "77,8" (no % sign), "" when nothing applies. */
export function percentCell(share: Share): string {
	if (!share.of) return '';
	const tenths = percentTenths(share);
	return `${Math.floor(tenths / 10)},${tenths % 10}`;
}

/** The criteria with the lowest share (ties: the fewer households met, then the list's order); only criteria that apply to someone. */
export function weakestCriteria(summary: TallySummary, count = 3): CriterionShare[] {
	return summary.criteria
		.map((c, i) => ({ c, i }))
		.filter(({ c }) => c.of > 0)
		.sort((a, b) => a.c.met * b.c.of - b.c.met * a.c.of || a.c.met - b.c.met || a.i - b.i)
		.slice(0, count)
		.map(({ c }) => c);
}

export function meetsGoal(share: Share, goalPercent: number): boolean {
	return share.of > 0 && share.met * 100 >= goalPercent * share.of;
}

/** How many more households must reach "Gia đình số" for the village to reach the goal. */
export function householdsToGoal(share: Share, goalPercent: number): number {
	return Math.max(0, Math.ceil((goalPercent * share.of) / 100) - share.met);
}

/**
 * Sentences about criteria some households have not answered (e.g. one added after they were
 * recorded), one per number of households, so a half-filled household does not make 20 lines.
 */
export function unansweredNotes(summary: TallySummary): string[] {
	const byCount = new Map<number, string[]>();
	for (const c of summary.criteria) if (c.unanswered) byCount.set(c.unanswered, [...(byCount.get(c.unanswered) ?? []), criterionNumber(c.id)]);
	return [...byCount]
		.sort(([a], [b]) => b - a)
		.map(([count, ids]) => `${count} hộ chưa trả lời tiêu chí ${ids.join(', ')}: được tính là chưa đạt.`);
}

/** Two households are the same when their names and house numbers match, whatever the tone marks, case or spaces. */
export function householdKey(name: string, houseNumber: string): string {
	return `${foldKey(name)}|${foldKey(houseNumber)}`;
}

/** "“Đinh Văn A” (số nhà 12)", or "số nhà 12" when the household has no name, for messages. */
export function householdLabel(h: Pick<Household, 'name' | 'houseNumber'>): string {
	if (!h.name.trim()) return `số nhà ${h.houseNumber}`;
	return h.houseNumber.trim() ? `“${h.name}” (số nhà ${h.houseNumber})` : `“${h.name}”`;
}

/** Spaces of every kind made one, invisible characters (zero-width space, joiners, BOM) removed. */
export function cleanText(text: string): string {
	return text.normalize('NFC').replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '').replace(/\s+/g, ' ').trim();
}

function findDuplicate(tally: Tally, name: string, houseNumber: string, except?: string): Household | undefined {
	const key = householdKey(name, houseNumber);
	return tally.households.find((h) => h.id !== except && householdKey(h.name, h.houseNumber) === key);
}

function checkNames(tally: Tally, name: string, houseNumber: string, except?: string) {
	if (!name && !houseNumber) throw new TallyError('Hãy ghi số nhà của hộ (không có số nhà thì ghi tên hoặc nhãn của hộ, ví dụ “Nhà ông Đinh Văn A”).');
	const twin = findDuplicate(tally, name, houseNumber, except);
	if (twin) throw new TallyError(`Hộ ${householdLabel(twin)} đã có trong sổ. Nếu là hộ khác, ghi thêm số nhà hoặc tên.`);
}

let counter = 0;
/** An id that does not repeat on this device. */
export function newId(): string {
	return `h${Date.now().toString(36)}${(counter++).toString(36)}`;
}

export function addHousehold(tally: Tally, name: string, houseNumber: string, answers: Answers = {}): Tally {
	name = cleanText(name);
	houseNumber = cleanText(houseNumber);
	checkNames(tally, name, houseNumber);
	return { ...tally, households: [...tally.households, { id: newId(), name, houseNumber, answers }] };
}

function update(tally: Tally, id: string, change: (h: Household) => Household): Tally {
	if (!tally.households.some((h) => h.id === id)) throw new TallyError('Không tìm thấy hộ này trong sổ.');
	return { ...tally, households: tally.households.map((h) => (h.id === id ? change(h) : h)) };
}

export function renameHousehold(tally: Tally, id: string, name: string, houseNumber: string): Tally {
	name = cleanText(name);
	houseNumber = cleanText(houseNumber);
	checkNames(tally, name, houseNumber, id);
	return update(tally, id, (h) => ({ ...h, name, houseNumber }));
}

export function removeHousehold(tally: Tally, id: string): Tally {
	return { ...tally, households: tally.households.filter((h) => h.id !== id) };
}

export function setAnswer(tally: Tally, criteria: CriterionRef[], id: string, criterionId: string, state: AnswerState): Tally {
	const criterion = criteria.find((c) => c.id === criterionId);
	if (!criterion) throw new TallyError(`Không có tiêu chí ${criterionNumber(criterionId)}.`);
	if (!allowedStates(criterion).includes(state))
		throw new TallyError(`Tiêu chí ${criterionNumber(criterionId)} không ghi “${STATE_LABELS[state]}” được.`);
	return update(tally, id, (h) => ({ ...h, answers: { ...h.answers, [criterionId]: state } }));
}

/** Fills every answer from the household's short code; throws ShortCodeError and changes nothing when the code is wrong. */
export function applyShortCode(tally: Tally, criteria: CriterionRef[], id: string, code: string): Tally {
	const answers = decodeShortCode(criteria, code);
	return update(tally, id, (h) => ({ ...h, answers }));
}
