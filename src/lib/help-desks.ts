/** The places a lesson's help box names, and what of each the commune has confirmed. */
import type { Commune } from '../data/schema';

export interface HelpDesk {
	name: string;
	purpose: string;
	/** Only confirmed, non-empty details; empty when the commune has confirmed nothing. */
	address: string;
	hours: string;
	phone: string;
}

/** The village team, Công an xã and the public service centre, each with its confirmed details only. */
export function helpDesks(commune: Commune): HelpDesk[] {
	return [commune.help.villageTeam, commune.help.police, commune.help.publicServiceCenter].map((d) => ({
		name: d.name,
		purpose: d.purpose,
		address: d.confirmed ? d.address.trim() : '',
		hours: d.confirmed ? d.hours.trim() : '',
		phone: d.confirmed ? d.phone.trim() : '',
	}));
}

export const hasDetails = (d: HelpDesk) => Boolean(d.address || d.hours || d.phone);

/**
 * The one sentence saying what is still missing, or nothing when every place has its details.
 * Said once for all places, so that no line repeats "chưa xác nhận".
 */
export function missingNote(desks: HelpDesk[]): string {
	const missing = desks.filter((d) => !hasDetails(d));
	if (missing.length === 0) return '';
	if (missing.length === desks.length)
		return 'Xã chưa xác nhận địa chỉ, giờ làm việc và số điện thoại của các nơi này, nên trang chưa ghi.';
	return `Xã chưa xác nhận địa chỉ, giờ làm việc và số điện thoại của ${missing.map((d) => d.name).join(', ')}.`;
}
