import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { looksLikeScam, planQuery, rerank, telex, Vocabulary, withoutFiller, tokens } from './search-client';
import { parseSearchSynonyms, SYNONYMS_FILE } from '../data/search-synonyms';

const synonyms = parseSearchSynonyms(readFileSync(SYNONYMS_FILE, 'utf8'));
const vocab = new Vocabulary('so dien thoai tien dinh danh vneid chuyen khoan thong minh bao hiem hiem y te khong dung mat');

describe('question and filler words do not count against a page', () => {
	const plain = (q: string) => withoutFiller(tokens(q), synonyms.filler).join(' ');
	it('leaves out “ở đâu”, “là gì”, “thế nào”, “cách”, “cho”, “của”, typed with or without marks', () => {
		expect(plain('làm căn cước ở đâu')).toBe('làm căn cước');
		expect(plain('vi dien tu la gi')).toBe('vi dien tu');
		expect(plain('đổi số điện thoại ngân hàng thế nào')).toBe('đổi số điện thoại ngân hàng');
		expect(plain('cách nộp hồ sơ cho con')).toBe('nộp hồ sơ con');
		expect(plain('nhom zalo cua to')).toBe('nhom zalo to');
	});
	it('takes “có … không” only when “không” ends the question', () => {
		expect(plain('vneid có mất tiền không')).toBe('vneid mất tiền');
		expect(plain('vneid co mat tien khong a')).toBe('vneid mat tien');
		expect(plain('có mất tiền không vậy')).toBe('mất tiền');
		expect(plain('khong dung tien mat')).toBe('khong dung tien mat');
		expect(plain('có được không')).toBe('có được không');
	});
	it('keeps a marked word that only looks like a filler word without marks', () => {
		// "chợ" is not "cho".
		expect(plain('bán hàng ở chợ')).toBe('bán hàng ở chợ');
	});
});

describe('Telex leftovers and typos', () => {
	it('reads “dd” as đ, and a tone key only when what is left is a word of the index', () => {
		expect(telex('ddinh', vocab)).toBe('đinh');
		expect(telex('vneidd', vocab)).toBe('vneiđ');
		expect(telex('tienf', vocab)).toBe('tien');
		expect(telex('chuyeenr', vocab)).toBe('chuyen');
		expect(telex('tees', vocab)).toBe('te');
		// Not a leftover: the word is in the index as typed.
		expect(telex('dien', vocab)).toBe('dien');
		expect(telex('zzqqj', vocab)).toBe('zzqqj');
	});
	it('corrects one wrong letter in words of five letters or more, never in shorter ones', () => {
		const plan = planQuery('thoaj thông mimh vnied', { filler: [] }, vocab);
		expect(plan.words).toEqual(['thoai', 'thông', 'mimh', 'vneid']);
		expect([...plan.corrected.keys()]).toEqual(['thoaj', 'vnied']);
		// "mimh" is four letters: a prefix of nothing, so it stays unknown.
		expect(plan.unknown).toEqual(['mimh']);
	});
});

describe('ranking', () => {
	it('lets a page lacking a common word outrank pages that have every word only by chance', () => {
		const idf = new Map([
			['toi', 0.1],
			['passcode', 3],
		]);
		const pages = [
			{ title: 'Điện thoại', keywords: 'tôi', match: 1, pf: 1 },
			{ title: 'VNeID', keywords: 'passcode', match: 3 / 3.1, pf: 0.4 },
		];
		expect(rerank(['tôi', 'passcode'], pages, idf)[0]!.title).toBe('VNeID');
	});
	it('lets question words help a page whose keywords hold them', () => {
		const pages = [
			{ title: 'An toàn', keywords: 'otp' },
			{ title: 'Từ điển số', keywords: 'otp, nghĩa là gì' },
		];
		expect(rerank(['otp'], pages, new Map(), ['là gì'])[0]!.title).toBe('Từ điển số');
	});
});

describe('keywords typed without their filler words', () => {
	it('count: “tin xa” is the keyword “tin của xã”', () => {
		const pages = [
			{ title: 'A', keywords: 'tin, xã' },
			{ title: 'B', keywords: 'tin của xã' },
		];
		expect(rerank(['biết', 'tin', 'xa'], pages, new Map(), [], new Set(['cua']))[0]!.title).toBe('B');
		expect(rerank(['biết', 'tin', 'xa'], pages, new Map(), [], new Set())[0]!.title).toBe('A');
	});
});

describe('scam questions', () => {
	it('are told by the scam list of search-synonyms.yaml, with or without marks', () => {
		expect(looksLikeScam('có người gọi bảo trúng thưởng', synonyms.scam)).toBe(true);
		expect(looksLikeScam('bi lua', synonyms.scam)).toBe(true);
		expect(looksLikeScam('căn cước', synonyms.scam)).toBe(false);
	});
});
