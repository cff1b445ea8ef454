import { describe, expect, it } from 'vitest';
import { formatDate, formatPublished, parsePartialDate } from './date';

describe('the day a source was published', () => {
	it('says the day, the month or the year, as precise as the source', () => {
		expect(formatPublished(parsePartialDate(new Date('2025-10-05'))!)).toBe('đăng ngày 5/10/2025');
		expect(formatPublished(parsePartialDate('2025-10-05')!)).toBe('đăng ngày 5/10/2025');
		expect(formatPublished(parsePartialDate('2023-07')!)).toBe('đăng tháng 7/2023');
		expect(formatPublished(parsePartialDate('2023')!)).toBe('đăng năm 2023');
	});

	it('refuses what is not a date', () => {
		for (const bad of ['2023-13', '2023-02-30', '7/2023', '23', '2023-7', 'tháng 7', '', 2023, null])
			expect(parsePartialDate(bad), String(bad)).toBeUndefined();
	});

	it('keeps the check dates as before', () => {
		expect(formatDate(new Date('2026-11-05'))).toBe('05/11/2026');
	});
});
