/**
 * content/data/search-synonyms.yaml: the words residents type for each page (beside the lessons'
 * own keywords), the question and filler words that do not count against a page, and the words
 * that make an unanswered query look like a scam question. Checked with one message per problem,
 * naming the file and the field.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { SiteDataError, type Problem } from './load';

export const SYNONYMS_FILE = 'content/data/search-synonyms.yaml';

export interface SearchSynonyms {
	/** Page id ("cq-1", "so-theo-doi/tong-hop", "" for the home page) → words. */
	pages: Map<string, string[]>;
	filler: string[];
	scam: string[];
}

const FIELDS = ['filler', 'scam', 'pages'] as const;

function wordList(value: unknown, where: string, file: string, problems: Problem[]): string[] {
	if (value == null) {
		problems.push({ file, where, message: 'thiếu danh sách từ (mỗi từ một dòng, bắt đầu bằng "- ").' });
		return [];
	}
	if (!Array.isArray(value)) {
		problems.push({ file, where, message: 'phải là danh sách, mỗi từ một dòng bắt đầu bằng "- ".' });
		return [];
	}
	const words: string[] = [];
	value.forEach((w, i) => {
		// YAML reads 1022 and 156 as numbers: they are words here.
		const word = typeof w === 'number' ? String(w) : w;
		if (typeof word !== 'string' || !word.trim())
			problems.push({ file, where: `${where}, dòng thứ ${i + 1}`, message: 'phải là một từ hoặc cụm từ, không để trống.' });
		else if (/[<>,]/.test(word)) problems.push({ file, where: `${where}, dòng thứ ${i + 1}`, message: `“${word}”: không dùng dấu phẩy, dấu < hoặc >; mỗi từ một dòng.` });
		else words.push(word.normalize('NFC').trim());
	});
	return words;
}

/** Parses and checks the file's text; `pageIds`, when given, are the pages that exist. */
export function parseSearchSynonyms(text: string, file = SYNONYMS_FILE, pageIds?: Iterable<string>): SearchSynonyms {
	const problems: Problem[] = [];
	let raw: unknown;
	try {
		raw = parseYaml(text);
	} catch (e) {
		throw new SiteDataError([{ file, message: `không đọc được YAML: ${(e as Error).message.split('\n')[0]}` }]);
	}
	if (!raw || typeof raw !== 'object' || Array.isArray(raw))
		throw new SiteDataError([{ file, message: 'phải có ba mục: filler, scam và pages.' }]);
	const data = raw as Record<string, unknown>;
	for (const key of Object.keys(data))
		if (!(FIELDS as readonly string[]).includes(key))
			problems.push({ file, where: key, message: `mục lạ; chỉ dùng ${FIELDS.join(', ')}.` });
	const filler = wordList(data.filler, 'filler', file, problems);
	const scam = wordList(data.scam, 'scam', file, problems);
	for (const f of filler)
		if (f.includes('…') && f.split('…').some((part) => !part.trim()))
			problems.push({ file, where: 'filler', message: `“${f}”: cần từ ở cả hai bên dấu “…”, như “có … không”.` });
	const pages = new Map<string, string[]>();
	const known = pageIds ? new Set(pageIds) : undefined;
	if (!data.pages || typeof data.pages !== 'object' || Array.isArray(data.pages))
		problems.push({ file, where: 'pages', message: 'phải có mục pages: mỗi trang một dòng "cq-1:", rồi các từ bên dưới.' });
	else
		for (const [id, words] of Object.entries(data.pages as Record<string, unknown>)) {
			if (known && !known.has(id)) {
				problems.push({ file, where: `pages.${id}`, message: `không có trang nào tên “${id}”. Tên trang là địa chỉ của trang, ví dụ cq-1, an-toan, so-theo-doi/tong-hop.` });
				continue;
			}
			pages.set(id, wordList(words, `pages.${id}`, file, problems));
		}
	if (problems.length) throw new SiteDataError(problems);
	return { pages, filler, scam };
}

export function loadSearchSynonyms(pageIds?: Iterable<string>, file = SYNONYMS_FILE): SearchSynonyms {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		throw new SiteDataError([{ file, message: 'không tìm thấy tệp.' }]);
	}
	return parseSearchSynonyms(text, file, pageIds);
}
