/**
 * National numbers that need no confirmation by the commune: emergency lines (free calls) and the
 * numbers that take reports of scam messages and calls. One list for every page that shows them.
 */

export interface NationalNumber {
	number: string;
	label: string;
}

/** 113, 114, 115: free calls from any phone (facts §5, review XH6-1). */
export const EMERGENCY_NUMBERS: NationalNumber[] = [
	{ number: '113', label: 'Công an' },
	{ number: '114', label: 'Cứu hỏa, cứu nạn' },
	{ number: '115', label: 'Cấp cứu' },
];

/** Report scam messages and calls by SMS (S, V, LD syntax in the safety chapter). */
export const SPAM_REPORT_NUMBERS: NationalNumber[] = [
	{ number: '156', label: 'Báo tin nhắn, cuộc gọi lừa đảo' },
	{ number: '5656', label: 'Báo tin nhắn, cuộc gọi lừa đảo' },
];

/** A tap-to-call address for a phone number as people write it ("0269 3 123 456"). */
export const telHref = (number: string) => `tel:${number.replace(/[^\d+]/g, '')}`;

/** Opens the phone's messages app addressed to a number. */
export const smsHref = (number: string) => `sms:${number.replace(/[^\d+]/g, '')}`;
