/**
 * Short codes typed on a Vietnamese keyboard: Telex and VNI turn letters and digits typed after a
 * vowel into marks (W → Ư, E R → Ẻ, E 3 → Ẻ). Where the marks can be turned back into the keys
 * typed and exactly one reading passes the check character, that reading is the code; otherwise
 * the team leader is asked to switch the Vietnamese keyboard off. Only the tally needs this.
 */
import type { Answers, CriterionRef } from './answers';
import { ALPHABET, decodeShortCode, formatShortCode, IGNORED, keysFor, ShortCodeError } from './shortcode';

/** Every way the typed text could have been typed, one keyboard at a time (a phone has one on). */
export function keyboardReadings(typed: string): string[] {
	const chars = [...typed.toUpperCase().replace(IGNORED, '')];
	const readings = new Set<string>();
	for (const method of ['telex', 'vni'] as const) {
		let partial = [''];
		for (const ch of chars) {
			const keys = keysFor(ch);
			if (!keys) {
				partial = partial.map((p) => p + ch);
				continue;
			}
			const next: string[] = [];
			for (const p of partial)
				for (const seq of keys[method]) {
					// Telex's lone W for Ư has no base letter.
					const lone = method === 'telex' && keys.base === 'U' && seq[0] === 'W';
					next.push(p + (lone ? '' : keys.base) + seq.join(''));
				}
			partial = next.slice(0, 256);
		}
		partial.forEach((p) => readings.add(p));
	}
	return [...readings];
}

export interface TypedCode {
	answers: Answers;
	/** The code as read, when the keyboard had changed it ("67W-ERJ"), for telling the team leader. */
	readAs?: string;
}

/**
 * Reads a code as typed on a phone: dashes and invisible characters are ignored, and letters a
 * Vietnamese keyboard changed are turned back when only one reading is a valid code.
 */
export function readTypedCode(criteria: CriterionRef[], typed: string): TypedCode {
	const plain = typed.toUpperCase().replace(IGNORED, '');
	const foreign = [...plain].filter((ch) => !ALPHABET.includes(ch));
	const vietnamese = foreign.filter((ch) => ch === 'Đ' || keysFor(ch));
	if (!foreign.length || vietnamese.length !== foreign.length) return { answers: decodeShortCode(criteria, plain) };
	const valid = new Map<string, Answers>();
	for (const reading of keyboardReadings(plain)) {
		try {
			valid.set(reading, decodeShortCode(criteria, reading));
		} catch (error) {
			if (!(error instanceof ShortCodeError)) throw error;
		}
	}
	if (valid.size === 1) {
		const [code, answers] = [...valid][0]!;
		return { answers, readAs: formatShortCode(code) };
	}
	throw new ShortCodeError(
		`Mã có chữ “${vietnamese.join('')}” do bộ gõ tiếng Việt (Telex, VNI) tự đổi. Hãy tắt bộ gõ tiếng Việt trên bàn phím (hoặc chuyển sang bàn phím tiếng Anh) rồi gõ lại mã.`
	);
}
