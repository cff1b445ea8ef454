import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { communeSchema } from '../data/schema';
import { helpDesks, missingNote } from './help-desks';
import { smsHref, telHref } from './national-numbers';

// The commune data alone (not the lessons), validated as the build does.
const commune = communeSchema.parse(parse(readFileSync('content/data/commune.yaml', 'utf8')));

describe('who to ask, where, when', () => {
	it('names the three places and, with nothing confirmed, says so in one sentence', () => {
		const desks = helpDesks(commune);
		expect(desks.map((d) => d.name)).toEqual(['Tổ công nghệ số cộng đồng của làng', 'Công an xã', 'Trung tâm Phục vụ hành chính công xã']);
		expect(desks.every((d) => !d.address && !d.hours && !d.phone)).toBe(true);
		expect(missingNote(desks).match(/chưa xác nhận/g)).toHaveLength(1);
	});

	it('never shows a detail the commune has not confirmed, even when it is filled in', () => {
		const typed = { ...commune, help: { ...commune.help, police: { ...commune.help.police, phone: '0269 3 000 000', confirmed: false } } };
		expect(helpDesks(typed)[1]!.phone).toBe('');
	});

	it('shows confirmed details, and names only the places still missing', () => {
		const police = { ...commune.help.police, address: 'Trụ sở Công an xã', phone: '0269 3 000 000', confirmed: true };
		const desks = helpDesks({ ...commune, help: { ...commune.help, police } });
		expect(desks[1]).toMatchObject({ address: 'Trụ sở Công an xã', phone: '0269 3 000 000' });
		expect(missingNote(desks)).toBe('Xã chưa xác nhận địa chỉ, giờ làm việc và số điện thoại của Tổ công nghệ số cộng đồng của làng, Trung tâm Phục vụ hành chính công xã.');
		const all = { villageTeam: police, police, publicServiceCenter: police };
		expect(missingNote(helpDesks({ ...commune, help: all }))).toBe('');
	});

	it('dials and texts numbers as people write them', () => {
		expect(telHref('0269 3.000 000')).toBe('tel:02693000000');
		expect(smsHref('156')).toBe('sms:156');
	});
});
