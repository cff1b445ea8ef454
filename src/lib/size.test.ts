import { describe, expect, it } from 'vitest';
import { formatSize } from './size';

describe('formatSize', () => {
	it('says KB below a megabyte, never 0, and MB with a Vietnamese comma above', () => {
		expect(formatSize(10)).toBe('1 KB');
		expect(formatSize(97 * 1024 + 300)).toBe('97 KB');
		expect(formatSize(2 * 1024 * 1024)).toBe('2,0 MB');
		expect(formatSize(2.45 * 1024 * 1024)).toBe('2,5 MB');
	});
});
