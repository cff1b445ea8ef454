import { describe, expect, it } from 'vitest';
import { foldKey } from './fold-key';

describe('foldKey', () => {
	it('makes what people type with or without tone marks, đ, capitals and extra spaces the same', () => {
		for (const typed of ['Chưa đạt', 'chua dat', '  CHƯA   ĐẠT ', 'Chu\u031Ba đa\u0323t', 'chưa\tđạt'])
			expect(foldKey(typed), typed).toBe('chua dat');
		expect(foldKey('Đinh Văn Ánh')).toBe('dinh van anh');
	});

	it('keeps different words different', () => {
		expect(foldKey('đạt')).not.toBe(foldKey('chưa đạt'));
		expect(foldKey('Số 12')).toBe('so 12');
		expect(foldKey('Số 12')).not.toBe(foldKey('Số 1 2'));
	});
});
