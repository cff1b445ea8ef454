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

import { rerank } from './search-client';

describe('ranking search results for a whole phrase', () => {
	const page = (title: string, keywords = '') => ({ title, keywords });
	it('puts the page whose title holds the phrase first, typed without marks', () => {
		const results = [page('Danh sách hộ tham dự'), page('Nhóm Chính quyền số'), page('Tài khoản định danh điện tử VNeID mức độ 2')];
		expect(rerank(['dinh', 'danh'], results)[0]!.title).toBe('Tài khoản định danh điện tử VNeID mức độ 2');
	});
	it('then pages whose keywords hold it, otherwise keeps Pagefind’s order', () => {
		const results = [page('A'), page('Trả tiền điện trực tuyến', 'tiền điện, hóa đơn điện'), page('B')];
		expect(rerank(['tien', 'dien'], results).map((r) => r.title)).toEqual(['Trả tiền điện trực tuyến', 'A', 'B']);
	});
});
