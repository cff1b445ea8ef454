import { describe, expect, it } from 'vitest';
import { foldAll, foldDd, foldedDdWords } from './fold';

describe('folding Vietnamese for search', () => {
	it('writes đ as d and keeps tone marks for Pagefind to fold', () => {
		expect(foldDd('Định danh điện tử')).toBe('Dịnh danh diện tử');
	});
	it('removes every mark for display comparisons', () => {
		expect(foldAll('Định danh điện tử')).toBe('Dinh danh dien tu');
	});
	it('lists only the words with đ, repeats kept', () => {
		expect(foldedDdWords('Tài khoản định danh điện tử, định danh mức độ 2')).toEqual(['dịnh', 'diện', 'dịnh', 'dộ']);
	});
	it('reads decomposed input as typed on some phones', () => {
		expect(foldedDdWords('đi\u0323nh')).toEqual(['dịnh']);
	});
});
