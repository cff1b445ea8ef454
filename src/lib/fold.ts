/**
 * Vietnamese as people type it on a phone: often without tone marks, and with "d" for "đ".
 * Pagefind already ignores tone marks, but treats "đ" as its own letter, so the search index
 * gets a copy of every word that has "đ" written with "d" instead.
 */
export function foldDd(text: string): string {
	return text.replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Removes every diacritic, đ included: "Định danh" → "Dinh danh". */
export function foldAll(text: string): string {
	return foldDd(text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')).normalize('NFC');
}

/** The words of a text that contain đ, folded, in order and with repeats (so ranking matches). */
export function foldedDdWords(text: string): string[] {
	return (text.normalize('NFC').match(/[\p{L}\p{N}]*[đĐ][\p{L}\p{N}]*/gu) ?? []).map(foldDd);
}
