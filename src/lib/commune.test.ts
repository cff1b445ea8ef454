import { describe, expect, it } from 'vitest';
import { loadSiteData } from '../data/load';
import { ASK_LOCALLY, communeFact, confirmedTeams } from './commune';

const { commune } = loadSiteData(process.cwd(), { env: {} });

describe('the commune’s details on the pages', () => {
	it('shows a confirmed detail, and for an unconfirmed one says whom to ask', () => {
		expect(communeFact(commune, 'zaloOA.provincePublicService')).toEqual({ confirmed: true, value: 'Hành chính công tỉnh Gia Lai', url: undefined });
		expect(communeFact(commune, 'zaloOA.provinceDigitalGov')).toEqual({ confirmed: false, value: '' });
		expect(communeFact(commune, 'complaintLine').confirmed).toBe(false);
		expect(ASK_LOCALLY).toBe('hỏi Tổ công nghệ số cộng đồng hoặc UBND xã');
	});

	it('never shows a value marked confirmed but left empty', () => {
		const filled = { ...commune, provinceApp: { ...commune.provinceApp, confirmed: true, name: ' ' } };
		expect(communeFact(filled, 'provinceApp').confirmed).toBe(false);
	});

	it('names an unknown detail in the error', () => {
		expect(() => communeFact(commune, 'zaloOA.thon')).toThrow(/zaloOA\.thon/);
	});

	it('lists a village team only once the commune confirms it', () => {
		expect(confirmedTeams(commune.villages)).toEqual([]);
		const villages = [
			{ name: 'Làng Thử', teamLeader: 'Đinh Văn A', phone: '0912 345 678', confirmed: true },
			{ name: 'Làng Chưa', teamLeader: 'Y B', phone: '0900 000 000', confirmed: false },
			{ name: '', teamLeader: 'X', phone: '', confirmed: true },
		];
		expect(confirmedTeams(villages).map((v) => v.name)).toEqual(['Làng Thử']);
	});
});
