import { describe, expect, it } from 'vitest';
import { MAX_CHUNK, pickVietnameseVoice, speechPieces, splitForSpeech } from './speech';

describe('choosing a voice', () => {
	it('offers no voice when the phone has no Vietnamese one', () => {
		expect(pickVietnameseVoice([])).toBeUndefined();
		expect(pickVietnameseVoice([{ name: 'English', lang: 'en-US', default: true }, { name: 'Việt hoá', lang: 'en-VI' }])).toBeUndefined();
	});

	it('takes a Vietnamese voice, preferring vi-VN and one that works offline', () => {
		const voices = [
			{ name: 'English', lang: 'en-US', localService: true, default: true },
			{ name: 'Online', lang: 'vi-VN', localService: false },
			{ name: 'On phone', lang: 'vi_VN', localService: true },
			{ name: 'Generic', lang: 'vi', localService: true },
		];
		expect(pickVietnameseVoice(voices)?.name).toBe('On phone');
		expect(pickVietnameseVoice(voices.slice(0, 2))?.name).toBe('Online');
		expect(pickVietnameseVoice([voices[0]!, voices[3]!])?.name).toBe('Generic');
	});
});

describe('cutting a lesson into pieces to say', () => {
	it('keeps a short paragraph whole, with spaces tidied', () => {
		expect(splitForSpeech('  Mở ứng dụng\n  VNeID.  ')).toEqual(['Mở ứng dụng VNeID.']);
		expect(splitForSpeech('   ')).toEqual([]);
	});

	it('cuts a long paragraph at sentence ends, every piece short enough', () => {
		const sentence = 'Bà con mang thẻ căn cước gắn chip và điện thoại đến Công an xã để làm tài khoản. ';
		const text = sentence.repeat(8);
		const pieces = splitForSpeech(text);
		expect(pieces.length).toBeGreaterThan(1);
		for (const p of pieces) {
			expect(p.length).toBeLessThanOrEqual(MAX_CHUNK);
			expect(p).toMatch(/\.$/);
		}
		expect(pieces.join(' ')).toBe(text.trim());
	});

	it('cuts a very long sentence at commas or spaces, losing no word', () => {
		const text = Array.from({ length: 60 }, (_, i) => `mục ${i + 1}`).join(', ');
		const pieces = splitForSpeech(text, 80);
		for (const p of pieces) expect(p.length).toBeLessThanOrEqual(80);
		expect(pieces.join(' ')).toBe(text);
		expect(splitForSpeech('x'.repeat(250), 100).join('')).toBe('x'.repeat(250));
	});

	it('keeps each piece tied to the block it came from, in order', () => {
		const pieces = speechPieces([
			{ text: 'Tài khoản VNeID', block: 'h1' },
			{ text: 'Một. Hai.', block: 'p' },
		]);
		expect(pieces).toEqual([
			{ text: 'Tài khoản VNeID', block: 'h1' },
			{ text: 'Một. Hai.', block: 'p' },
		]);
	});
});

describe('a Vietnamese voice', async () => {
	const { isVietnamese } = await import('./vietnamese-voice');
	it('is vi, vi-VN or vi_VN, in any case, and nothing else', () => {
		for (const lang of ['vi', 'vi-VN', 'vi_VN', 'VI-vn']) expect(isVietnamese({ lang }), lang).toBe(true);
		for (const lang of ['', 'en-US', 'vie', 'fil-PH', 'zh-vi']) expect(isVietnamese({ lang }), lang).toBe(false);
	});
});
