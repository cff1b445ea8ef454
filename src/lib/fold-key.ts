/**
 * A key for comparing what people type: no tone marks, "d" for "đ", lower case, spaces made one.
 * Builds on fold.ts, the one Vietnamese folding function, so "Đạt", "dat" and " ĐẠT " are alike.
 */
import { foldAll } from './fold';

export function foldKey(text: string): string {
	return foldAll(text).toLowerCase().replace(/\s+/g, ' ').trim();
}
