/**
 * How a criterion's number is written for people, everywhere (pages, sheets, messages, link
 * previews): "cq-1" → "CQ-1". The id in the data and in addresses stays "cq-1".
 */
export function criterionNumber(id: string): string {
	return id.toUpperCase();
}

/** "KT-2, KT-3": several criteria's numbers in a sentence. */
export function criterionNumbers(ids: readonly string[]): string {
	return ids.map(criterionNumber).join(', ');
}
