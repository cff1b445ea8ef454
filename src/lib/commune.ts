/** Reading the commune's confirmable details: a value is shown only once the commune confirms it. */
import type { Commune } from '../data/schema';

export const ASK_LOCALLY = 'hỏi Tổ công nghệ số cộng đồng hoặc UBND xã';

export interface Fact {
	confirmed: boolean;
	value: string;
	url?: string;
}

/** Looks up "zaloOA.commune", "portals.province", "provinceApp", "complaintLine" ... */
export function communeFact(commune: Commune, name: string): Fact {
	const entry = name.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], commune);
	if (!entry || typeof entry !== 'object' || !('confirmed' in entry))
		throw new Error(`content/data/commune.yaml không có mục "${name}" (dùng trong <CommuneFact name="${name}" />)`);
	const e = entry as { confirmed: boolean; name?: string; label?: string; url?: string; number?: string };
	const value = (e.number || e.url ? (e.number || e.url) : e.name) ?? '';
	const shown = e.url ? e.url.replace(/^https?:\/\//, '').replace(/\/$/, '') : value;
	return e.confirmed && value.trim() ? { confirmed: true, value: shown, url: e.url } : { confirmed: false, value: '' };
}

export interface Village {
	name: string;
	teamLeader: string;
	phone: string;
	confirmed: boolean;
}

/** The village teams whose contacts the commune has confirmed, to show in lesson CQ-2. */
export function confirmedTeams(villages: Village[]): Village[] {
	return villages.filter((v) => v.confirmed && v.name.trim() && (v.teamLeader.trim() || v.phone.trim()));
}
