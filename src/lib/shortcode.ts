/**
 * The household's short code: its answers in at most 8 letters and digits that cannot be
 * misread aloud or on a small screen (no 0/O, 1/I/L), ending in a check character. A team leader
 * types it into the tally instead of asking 21 questions again.
 *
 * Each criterion is one digit of a mixed-radix number (2 states, or 3 where "không áp dụng" is
 * possible); the number is written in base 31 and followed by a check character (a weighted sum modulo 31),
 * seeded with the criteria list, so that a wrong character, two swapped characters or a code
 * made for another version of the list is refused.
 */
import { allowedStates, type Answers, type AnswerState, type CriterionRef } from './answers';

export const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const N = BigInt(ALPHABET.length);
export const MAX_LENGTH = 8;

export class ShortCodeError extends Error {
	name = 'ShortCodeError';
}

/** Digit order within a criterion: chưa đạt (also "no answer yet") = 0, đạt = 1, không áp dụng = 2. */
const ORDER: AnswerState[] = ['chua-dat', 'dat', 'khong-ap-dung'];

function dataLength(criteria: CriterionRef[]): number {
	const max = criteria.reduce((m, c) => m * BigInt(allowedStates(c).length), 1n);
	let length = 1;
	for (let cap = N; cap < max; cap *= N) length++;
	if (length + 1 > MAX_LENGTH) throw new Error(`Quá nhiều tiêu chí để mã ngắn có ${MAX_LENGTH} ký tự.`);
	return length;
}

/** A seed from the criteria ids, so a code from another list fails its check. */
function seed(criteria: CriterionRef[]): number {
	let h = 7;
	for (const ch of criteria.map((c) => c.id).join(',')) h = (h * 33 + ch.charCodeAt(0)) % ALPHABET.length;
	return h;
}

/**
 * A weighted sum modulo 31. Because 31 is prime and each position has its own weight (1, 2, 3 …),
 * any single wrong character and any swap of two characters changes the sum.
 */
function checkChar(body: string, seedValue: number): string {
	const n = ALPHABET.length;
	let sum = seedValue;
	for (let i = 0; i < body.length; i++) sum += (i + 1) * ALPHABET.indexOf(body[i]!);
	return ALPHABET[(n - (sum % n)) % n]!;
}

export function encodeShortCode(criteria: CriterionRef[], answers: Answers): string {
	let value = 0n;
	for (const c of criteria) {
		const radix = BigInt(allowedStates(c).length);
		const state = answers[c.id] ?? 'chua-dat';
		const digit = BigInt(Math.max(0, ORDER.indexOf(state)));
		value = value * radix + (digit < radix ? digit : 0n);
	}
	let body = '';
	for (let i = 0; i < dataLength(criteria); i++) {
		body = ALPHABET[Number(value % N)] + body;
		value /= N;
	}
	return body + checkChar(body, seed(criteria));
}

/** "ABC-DEF" reads more easily than "ABCDEF". */
export function formatShortCode(code: string): string {
	return code.length > 4 ? `${code.slice(0, Math.ceil(code.length / 2))}-${code.slice(Math.ceil(code.length / 2))}` : code;
}

export function decodeShortCode(criteria: CriterionRef[], typed: string): Answers {
	const code = typed.toUpperCase().replace(IGNORED, '');
	const expected = dataLength(criteria) + 1;
	if (!code) throw new ShortCodeError('Chưa nhập mã.');
	const bad = [...code].find((ch) => !ALPHABET.includes(ch));
	if (bad && (bad === 'Đ' || keysFor(bad)))
		throw new ShortCodeError(
			`Mã có chữ “${bad}” do bộ gõ tiếng Việt (Telex, VNI) tự đổi. Hãy tắt bộ gõ tiếng Việt trên bàn phím (hoặc chuyển sang bàn phím tiếng Anh) rồi gõ lại mã.`
		);
	if (bad)
		throw new ShortCodeError(`Mã có ký tự “${bad}” không dùng trong mã. Mã chỉ có chữ và số, không có 0, O, 1, I, L.`);
	if (code.length !== expected) throw new ShortCodeError(`Mã phải có ${expected} ký tự, mã này có ${code.length}.`);
	const body = code.slice(0, -1);
	if (checkChar(body, seed(criteria)) !== code.at(-1)) throw new ShortCodeError('Mã không đúng: ký tự kiểm tra không khớp. Hỏi lại hộ gia đình.');
	let value = [...body].reduce((v, ch) => v * N + BigInt(ALPHABET.indexOf(ch)), 0n);
	const answers: Answers = {};
	for (const c of [...criteria].reverse()) {
		const radix = BigInt(allowedStates(c).length);
		answers[c.id] = ORDER[Number(value % radix)]!;
		value /= radix;
	}
	if (value !== 0n) throw new ShortCodeError('Mã không đúng với danh sách tiêu chí hiện nay.');
	return answers;
}

// ——— Codes typed on a Vietnamese keyboard ———
// Telex and VNI turn letters and digits typed after a vowel into marks: W → Ư, E R → Ẻ, A A → Â,
// E 3 → Ẻ (VNI). Where the marks can be turned back into the keys typed and exactly one of the
// readings passes the check character, that reading is the code; otherwise the team leader is
// asked to switch the Vietnamese keyboard off.

const TONES: Record<string, [telex: string, vni: string]> = {
	'\u0301': ['S', '1'],
	'\u0300': ['F', '2'],
	'\u0309': ['R', '3'],
	'\u0303': ['X', '4'],
	'\u0323': ['J', '5'],
};
const SHAPES: Record<string, (base: string) => [telex: string[], vni: string]> = {
	'\u0302': (b) => [[b], '6'],
	'\u031B': () => [['W'], '7'],
	'\u0306': () => [['W'], '8'],
};
/** Dashes of every kind, spaces and invisible characters: ignored in a code. */
export const IGNORED = /[\s\u2010-\u2015\u2212\u200B-\u200D\u2060\uFEFF\u00AD-]/g;

/** The key sequences a Vietnamese keyboard may have turned into this one character, or undefined for a plain one. */
export function keysFor(ch: string): { base: string; telex: string[][]; vni: string[][] } | undefined {
	if (ch === 'Đ') return { base: 'D', telex: [['D']], vni: [['9']] };
	const parts = [...ch.normalize('NFD')];
	const base = parts[0]!;
	const marks = parts.slice(1);
	if (!marks.length) return undefined;
	const shape = marks.find((m) => m in SHAPES);
	const tone = marks.find((m) => m in TONES);
	if (marks.some((m) => !(m in SHAPES) && !(m in TONES))) return undefined;
	const telexShape = shape ? SHAPES[shape]!(base)[0] : [];
	const vniShape = shape ? [SHAPES[shape]!(base)[1]] : [];
	const telex = [[...telexShape, ...(tone ? [TONES[tone]![0]] : [])]];
	// Telex writes Ư for a W typed on its own.
	if (base === 'U' && shape === '\u031B') telex.push(tone ? ['W', TONES[tone]![0]] : ['W']);
	return { base, telex, vni: [[...vniShape, ...(tone ? [TONES[tone]![1]] : [])]] };
}

