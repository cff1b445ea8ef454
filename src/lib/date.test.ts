import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate, formatLocalDate, formatLocalTime, formatPublished, localIsoDate, localTimestamp, parsePartialDate } from './date';

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

describe('dates on the phone, in its own time zone', () => {
	const before = process.env.TZ;
	beforeAll(() => void (process.env.TZ = 'Asia/Ho_Chi_Minh'));
	afterAll(() => void (before === undefined ? delete process.env.TZ : (process.env.TZ = before)));
	// 06:30 on 30 November in Vietnam, when UTC is still 29 November.
	const early = new Date('2026-11-29T23:30:00Z');

	it('names a file with the day it is in Vietnam, not the UTC day', () => {
		expect(localIsoDate(early)).toBe('2026-11-30');
		expect(early.toISOString().slice(0, 10)).toBe('2026-11-29');
	});

	it('shows the day and time as Vietnamese readers write them', () => {
		expect(formatLocalDate(early)).toBe('30/11/2026');
		expect(formatLocalDate(new Date('2026-03-04T12:00:00+07:00'))).toBe('04/03/2026');
		expect(formatLocalTime(early)).toBe('06:30 30/11/2026');
		expect(localTimestamp(early)).toBe('2026-11-30T06:30:00+07:00');
	});
});
