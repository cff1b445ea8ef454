import { describe, expect, it } from 'vitest';
import { randomAnswers as householdAnswers } from '../../tests/unit/random-answers';
import { loadSiteData } from '../data/load';
import { ALPHABET, decodeShortCode, encodeShortCode, formatShortCode, MAX_LENGTH, ShortCodeError } from './shortcode';

const { criteria } = loadSiteData(process.cwd(), { env: {} });

const randomAnswers = (seed: number) => householdAnswers(criteria, seed);

describe('short code', () => {
	it('is at most 8 characters, without look-alikes', () => {
		const code = encodeShortCode(criteria, randomAnswers(1));
		expect(code.length).toBeLessThanOrEqual(MAX_LENGTH);
		expect(code).toMatch(/^[2-9A-HJKMNP-Z]+$/);
		expect(ALPHABET).not.toMatch(/[01OIL]/);
	});

	it('gives back every answer (round trip over many households)', () => {
		for (let i = 0; i < 500; i++) {
			const answers = randomAnswers(i);
			expect(decodeShortCode(criteria, encodeShortCode(criteria, answers))).toEqual(answers);
		}
	});

	it('reads the code however it is typed: lower case, spaces, a dash', () => {
		const answers = randomAnswers(42);
		const code = encodeShortCode(criteria, answers);
		expect(decodeShortCode(criteria, ` ${formatShortCode(code).toLowerCase()} `)).toEqual(answers);
	});

	it('refuses every code with one wrong character', () => {
		const code = encodeShortCode(criteria, randomAnswers(7));
		for (let i = 0; i < code.length; i++)
			for (const ch of ALPHABET) {
				if (ch === code[i]) continue;
				const wrong = code.slice(0, i) + ch + code.slice(i + 1);
				expect(() => decodeShortCode(criteria, wrong)).toThrow(ShortCodeError);
			}
	});

	it('refuses two swapped characters', () => {
		let refused = 0;
		let tried = 0;
		for (let s = 0; s < 100; s++) {
			const code = encodeShortCode(criteria, randomAnswers(s));
			for (let i = 0; i + 1 < code.length; i++) {
				if (code[i] === code[i + 1]) continue;
				tried++;
				const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
				try {
					decodeShortCode(criteria, swapped);
				} catch {
					refused++;
				}
			}
		}
		expect(refused).toBe(tried);
	});

	it('explains a character that is never used, and a wrong length', () => {
		expect(() => decodeShortCode(criteria, 'AB0DEF')).toThrow(/“0”/);
		expect(() => decodeShortCode(criteria, 'ABC')).toThrow(/ký tự/);
	});

	it('refuses a code made for another list of criteria', () => {
		const longer = [...criteria, { id: 'xh-10', group: 'xa-hoi-so', appliesTo: 'all' as const }];
		let refused = 0;
		for (let s = 0; s < 60; s++) {
			try {
				decodeShortCode(longer, encodeShortCode(criteria, randomAnswers(s)));
			} catch {
				refused++;
			}
		}
		expect(refused).toBeGreaterThan(50);
	});
});

describe('codes typed with a Vietnamese keyboard', async () => {
	const { readTypedCode, keyboardReadings } = await import('./typed-code');
	const { encodeShortCode: encode, ShortCodeError: CodeError } = await import('./shortcode');
	const { loadSiteData: load } = await import('../data/load');
	const { criteria: list } = load(process.cwd(), { env: {} });
	/** What Telex does to letters typed one by one (simplified: a tone goes on the vowel just before it). */
	const telex = (code: string) => {
		const TONE: Record<string, string> = { S: '\u0301', F: '\u0300', R: '\u0309', X: '\u0303', J: '\u0323' };
		let out = '';
		for (const ch of code) {
			const prev = out.at(-1) ?? '';
			const bare = prev.normalize('NFD');
			if (ch in TONE && /^[AEUYÂÊĂƯ]$/.test(prev)) out = out.slice(0, -1) + (bare + TONE[ch]).normalize('NFC');
			else if (ch === 'W') out = prev === 'A' ? out.slice(0, -1) + 'Ă' : prev === 'U' ? out.slice(0, -1) + 'Ư' : out + 'Ư';
			else if ((ch === 'A' || ch === 'E' || ch === 'D') && prev === ch) out = out.slice(0, -1) + { A: 'Â', E: 'Ê', D: 'Đ' }[ch];
			else out += ch;
		}
		return out;
	};
	let seed = 1;
	const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

	it('turns Telex and VNI marks back into the keys typed', () => {
		expect(keyboardReadings('67Ư-ẺJ')).toContain('67WERJ');
		expect(keyboardReadings('Ẻ3')).toEqual(expect.arrayContaining(['ER3', 'E33']));
	});

	it('reads back every code that Telex changed when only one reading passes the check, else asks to switch the keyboard off', () => {
		let read = 0;
		let asked = 0;
		for (let i = 0; i < 3000; i++) {
			const answers = Object.fromEntries(list.map((c) => [c.id, random() < 0.4 ? 'chua-dat' : c.appliesTo === 'business' && random() < 0.5 ? 'khong-ap-dung' : 'dat'])) as never;
			const code = encode(list, answers);
			const typed = telex(code);
			if (typed === code) continue;
			try {
				const result = readTypedCode(list, typed);
				expect(result.answers).toEqual(Object.fromEntries(list.map((c) => [c.id, (answers as Record<string, string>)[c.id]])));
				read++;
			} catch (error) {
				expect(error).toBeInstanceOf(CodeError);
				expect((error as Error).message).toMatch(/tắt bộ gõ tiếng Việt/);
				asked++;
			}
		}
		// Most codes a Telex keyboard changed are read back; the rest get the message, never a wrong household.
		expect(read).toBeGreaterThan(asked);
		expect(read + asked).toBeGreaterThan(300);
	});

	it('ignores dashes of any kind and invisible characters', () => {
		const code = encode(list, {});
		const typed = `${code.slice(0, 3)}\u2013\u200b${code.slice(3)}`;
		expect(readTypedCode(list, typed).answers['cq-1']).toBe('chua-dat');
	});
});
