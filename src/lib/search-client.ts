/**
 * Talks to Pagefind in the browser: loaded on first use, queries debounced, results rendered from
 * the search box's own data (gds-search.json: titles, descriptions, keywords), so no result
 * fragment is ever downloaded. Understands residents' queries: question and filler words are
 * left out, Telex leftovers ("tienf", "ddinh") are read as meant, a one-letter typo in a long word
 * finds the word, and when all the words together find nothing, fewer words are tried ("gần đúng").
 */
import { foldAll } from './fold';
import { SEARCH_DATA_FILE, type SearchData } from './search-data';

interface PagefindResult {
	id: string;
	score: number;
}
interface Pagefind {
	options(o: Record<string, unknown>): Promise<void>;
	init(): Promise<void>;
	search(q: string): Promise<{ results: PagefindResult[] }>;
}

interface Loaded {
	pagefind: Pagefind;
	data: SearchData;
	vocab: Vocabulary;
}

let loading: Promise<Loaded> | undefined;

function load(base: string): Promise<Loaded> {
	loading ??= (async () => {
		const [pagefind, data] = await Promise.all([
			(async () => {
				const pf: Pagefind = await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`);
				// In the page, not a worker: one file less to download, and its requests go through the service
				// worker, so search works with no network.
				// Words like "số", "điện", "từ" are on nearly every page; weighing how often a page repeats
				// them less lets the page whose keywords and title match rank first.
				await pf.options({ noWorker: true, ranking: { termFrequency: 0.3 } });
				await pf.init();
				return pf;
			})(),
			fetch(`${base}pagefind/${SEARCH_DATA_FILE}`).then((r) => {
				if (!r.ok) throw new Error(String(r.status));
				return r.json() as Promise<SearchData>;
			}),
		]);
		return { pagefind, data, vocab: new Vocabulary(data.words) };
	})();
	loading.catch(() => (loading = undefined));
	return loading;
}

export const MAX_RESULTS = 6;

/** Lower case, marks removed, đ → d: how words are compared. */
export const fold = (text: string) => foldAll(text.normalize('NFC')).toLowerCase();
const hasMarks = (word: string) => fold(word) !== word;
/** The words of a text, lower case, marks kept. */
export const tokens = (text: string) => text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** A word typed without marks matches the filler word with or without them; with marks, only exactly. */
const sameWord = (typed: string, filler: string) => typed === filler || (!hasMarks(typed) && typed === fold(filler));

/**
 * Leaves out question and filler words ("ở đâu", "là gì", "có … không"): they say nothing about
 * the page. "có … không" goes only when "không" ends the query ("vneid có mất tiền không"), so
 * "không dùng tiền mặt" keeps its "không". If only filler words were typed, they all stay.
 */
export function withoutFiller(words: string[], filler: string[]): string[] {
	const patterns = filler
		.map((f) => f.split('…').map((part) => tokens(part)))
		// Whole phrases first, longest first; "có … không" last, once "ạ", "vậy" are gone from the end.
		.sort((a, b) => a.length - b.length || b.flat().length - a.flat().length);
	const keep = words.map(() => true);
	const matchAt = (idx: number[], i: number, seq: string[]) => seq.every((w, j) => i + j < idx.length && sameWord(words[idx[i + j]!]!, w));
	for (const pattern of patterns) {
		const idx = words.flatMap((_, i) => (keep[i] ? [i] : []));
		if (pattern.length === 2) {
			// "có … không": the first part anywhere, the second ending the query.
			const [head, tail] = pattern as unknown as [string[], string[]];
			const end = idx.length - tail.length;
			if (end < 1 || !matchAt(idx, end, tail)) continue;
			for (let i = 0; i + head.length <= end; i++)
				if (matchAt(idx, i, head)) {
					for (const j of [...idx.slice(i, i + head.length), ...idx.slice(end)]) keep[j] = false;
					break;
				}
			continue;
		}
		const seq = pattern[0]!;
		if (!seq.length) continue;
		for (let i = 0; i + seq.length <= idx.length; i++)
			if (matchAt(idx, i, seq) && idx.slice(i, i + seq.length).every((j) => keep[j])) for (const j of idx.slice(i, i + seq.length)) keep[j] = false;
	}
	const left = words.filter((_, i) => keep[i]);
	return left.length ? left : words;
}

/** The index's words (folded, most common first), to tell a typed word that matches nothing. */
export class Vocabulary {
	readonly words: string[];
	private readonly set: Set<string>;
	constructor(words: string) {
		this.words = words.split(' ').filter(Boolean);
		this.set = new Set(this.words);
	}
	has(word: string) {
		return this.set.has(word);
	}
	/** Pagefind matches the start of words: "dien" while "dienj" is still being typed, too. */
	matches(word: string) {
		return this.set.has(word) || this.words.some((w) => w.startsWith(word));
	}
	/** The most common word one letter away (changed, added, left out, or two swapped), if any. */
	oneLetterFrom(word: string): string | undefined {
		return this.words.find((w) => Math.abs(w.length - word.length) <= 1 && w.length >= 4 && oneEditApart(word, w));
	}
}

function oneEditApart(a: string, b: string): boolean {
	if (a === b) return false;
	if (a.length === b.length) {
		const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
		if (diff.length === 1) return true;
		// Two neighbouring letters swapped: "thnog" for "thong".
		return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
	}
	const [short, long] = a.length < b.length ? [a, b] : [b, a];
	let i = 0;
	while (i < short.length && short[i] === long[i]) i++;
	return short.slice(i) === long.slice(i + 1);
}

/**
 * Telex leftovers: a keyboard without Vietnamese input leaves the tone and letter keys in the word
 * ("tienf" for "tiền", "ddinh" for "đinh", "vneidd"). "dd" is never Vietnamese or a name here, so it
 * is always read as "đ"; the other keys only when what remains is a word of the index and the typed
 * word is not.
 */
export function telex(word: string, vocab: Vocabulary): string {
	const w = word.replace(/dd/g, 'đ');
	const f = fold(w);
	if (vocab.matches(f)) return w;
	const candidates = new Set<string>();
	const vowels = (s: string) => [s.replace(/([aeo])\1/g, '$1').replace(/([aou])w/g, '$1').replace(/^w|([^aou])w/g, '$1u')];
	const noTone = /[^sfrxj][sfrxj]$/.test(f) ? f.slice(0, -1) : undefined;
	for (const c of [noTone, ...vowels(f), ...(noTone ? vowels(noTone) : [])]) if (c && c !== f) candidates.add(c);
	return [...candidates].find((c) => vocab.has(c)) ?? w;
}

export interface QueryPlan {
	/** The words searched, in order: filler out, Telex read, typos corrected. */
	words: string[];
	/** Words that match nothing in the index, even corrected: left out first when nothing is found. */
	unknown: string[];
	/** Typed word → the word of the index it was read as (one letter wrong). */
	corrected: Map<string, string>;
}

export function planQuery(query: string, data: Pick<SearchData, 'filler'>, vocab: Vocabulary): QueryPlan {
	const words = withoutFiller(tokens(query), data.filler).map((w) => telex(w, vocab));
	const unknown: string[] = [];
	const corrected = new Map<string, string>();
	const out = words.map((w) => {
		const f = fold(w);
		// Numbers (1022, 156) are left to Pagefind: the vocabulary holds only words.
		if (vocab.matches(f) || /^\d+$/.test(f)) return w;
		const near = f.length >= 5 ? vocab.oneLetterFrom(f) : undefined;
		if (near) {
			corrected.set(w, near);
			return near;
		}
		unknown.push(w);
		return w;
	});
	return { words: out, unknown, corrected };
}

/** A page as the ranking sees it: its title and keywords, and how well Pagefind found it. */
export interface Candidate {
	title: string;
	keywords: string;
	/** Share of the searched words (weighed by rarity) that Pagefind found anywhere in the page. */
	match?: number;
	/** Pagefind's score for the words, 1 for the best page. */
	pf?: number;
}

/**
 * Pagefind matches words one by one, so "dinh danh" also matches every page that says "gia đình"
 * and "danh sách". A page whose title holds the whole phrase comes first, then one with the
 * phrase as a keyword, then one whose keyword is part of it; then the page whose title and
 * keywords hold more of the words (rare words count more than "số" or "tôi"), then the page that
 * holds more of them anywhere, then Pagefind's order. Question words ("là gì") never count against
 * a page but help one whose keywords have them ("nghĩa là gì" on the glossary).
 */
export function rerank<T extends Candidate>(
	words: string[],
	results: T[],
	idf: Map<string, number> = new Map(),
	optional: string[] = [],
	/** One-word filler ("của", "cho"): a keyword need not have been typed with them. */
	fillerWords: Set<string> = new Set()
): T[] {
	const plain = (text: string) => fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
	const phrase = plain(words.join(' '));
	const folded = words.map(fold);
	const weight = (w: string) => idf.get(w) ?? 1;
	const total = folded.reduce((sum, w) => sum + weight(w), 0) || 1;
	const extra = optional.map((f) => plain(f));
	const score = (r: T) => {
		const title = plain(r.title);
		const keywords = r.keywords.split(',').map(plain).filter(Boolean);
		const own = new Set(`${title} ${keywords.join(' ')}`.split(' '));
		const coverage = folded.filter((w) => own.has(w)).reduce((sum, w) => sum + weight(w), 0) / total;
		// A question phrase of two words or more ("là gì") that the page has as a keyword ("nghĩa là gì").
		const asked = extra.some((f) => f.includes(' ') && keywords.some((k) => ` ${k} `.includes(` ${f} `))) ? 1 : 0;
		// A keyword all of whose words were typed counts for the share of the query it covers:
		// "ai chỉ dùng điện thoại" for "ai chỉ tôi dùng điện thoại" more than "dùng điện thoại".
		const typed = new Set(folded);
		const part = (k: string) => {
			if (k.includes(phrase)) return 1;
			const kw = k.split(' ').filter((w) => !fillerWords.has(w));
			return kw.length && kw.every((w) => typed.has(w)) ? Math.min(1, kw.length / Math.max(1, typed.size)) : 0;
		};
		const tier = !phrase ? 0 : title.includes(phrase) ? 3 : keywords.includes(phrase) ? 2 : Math.max(0, ...keywords.map(part));
		return tier + coverage + 2 * (r.match ?? 1) + 0.5 * (r.pf ?? 0) + asked;
	};
	return results
		.map((r, i) => ({ r, i, s: score(r) }))
		.sort((a, b) => b.s - a.s || a.i - b.i)
		.map((x) => x.r);
}

export interface Found extends Candidate {
	path: string;
	description: string;
	/** Holds every searched word. */
	all: boolean;
}

export interface Answer {
	results: Found[];
	/** No page holds all the words typed, or a word was read as another. */
	approximate: boolean;
	/** The words that were really searched. */
	words: string[];
	total: number;
}

/**
 * Every word on its own, weighed by how rare it is: a page that lacks one common word ("tôi",
 * "phải") is still found, ranked by the words it has. The words that match nothing are left out.
 */
export async function answer(loaded: Loaded, query: string): Promise<Answer> {
	const { pagefind, data, vocab } = loaded;
	const plan = planQuery(query, data, vocab);
	const known = [...new Set(plan.words.filter((w) => !plan.unknown.includes(w)))];
	const pageCount = Object.keys(data.pages).length || 1;
	const idf = new Map<string, number>();
	const byId = new Map<string, { matched: number; count: number; score: number }>();
	for (const w of known) {
		const { results } = await pagefind.search(w);
		const weight = results.length ? Math.log(1 + pageCount / results.length) : 0;
		idf.set(fold(w), weight);
		for (const r of results) {
			const seen = byId.get(r.id) ?? { matched: 0, count: 0, score: 0 };
			byId.set(r.id, { matched: seen.matched + weight, count: seen.count + 1, score: seen.score + r.score });
		}
	}
	const totalIdf = known.reduce((sum, w) => sum + (idf.get(fold(w)) ?? 0), 0) || 1;
	const best = Math.max(0, ...[...byId.values()].map((s) => s.score)) || 1;
	const pages: Found[] = [...byId].flatMap(([id, s]) => {
		const p = data.pages[id];
		return p
			? [{ path: p[0], title: p[1], description: p[2], keywords: p[3], match: s.matched / totalIdf, pf: s.score / best, all: s.count === known.length }]
			: [];
	});
	// Pagefind's order first, so that equal pages keep it.
	pages.sort((a, b) => (b.pf ?? 0) - (a.pf ?? 0));
	const typed = ` ${tokens(query).map(fold).join(' ')} `;
	const asked = data.filler.filter((f) => !f.includes('…') && typed.includes(` ${tokens(f).map(fold).join(' ')} `));
	const fillerWords = new Set(data.filler.filter((f) => !/[\s…]/.test(f.trim())).map(fold));
	const results = rerank(known, pages, idf, asked, fillerWords).slice(0, MAX_RESULTS);
	const approximate = plan.corrected.size > 0 || plan.unknown.length > 0 || !pages.some((p) => p.all);
	return { results, approximate, words: known.length ? known : plan.words, total: pages.filter((p) => p.all).length || pages.length };
}

/** Looks like a question about a scam: a word or phrase of search-synonyms.yaml's scam list. */
export function looksLikeScam(query: string, scam: string[]): boolean {
	const padded = ` ${tokens(query).map(fold).join(' ')} `;
	return scam.some((s) => padded.includes(` ${tokens(s).map(fold).join(' ')} `));
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) => {
	const e = Object.assign(document.createElement(tag), props);
	e.append(...children);
	return e;
};

/** A query that looks like a scam question: the practice page and the safety chapter. */
const scamHint = (base: string) =>
	el('p', { className: 'scam' }, 'Nghi bị lừa? Mở ', el('a', { href: `${base}that-hay-lua/` }, 'Thật hay lừa?'), ' để tập nhận ra chiêu lừa, hoặc đọc ', el('a', { href: `${base}an-toan/` }, 'An toàn trên môi trường số'), '.');

/** Nothing at all matched: what to pick instead, never a bare "nothing found". */
function nothingFound(base: string, data: SearchData): HTMLElement {
	const box = el('div', { className: 'none' });
	box.append(el('p', {}, 'Bà con chọn việc cần làm trong ba nhóm dưới đây:'));
	for (const [name, path, items] of data.menu)
		box.append(
			el('h3', {}, el('a', { href: `${base}${path}` }, name)),
			el('ul', {}, ...items.map(([title, p]) => el('li', {}, el('a', { href: `${base}${p}` }, title))))
		);
	box.append(
		el('p', { className: 'ask' }, 'Vẫn chưa thấy? Hỏi Tổ công nghệ số cộng đồng ở làng mình: ', el('a', { href: `${base}cq-2/` }, 'cách tìm Tổ và nhóm Zalo của Tổ'), '.')
	);
	return box;
}

let latest = 0;
const answers = new Map<string, Answer>();

export interface SearchView {
	status: HTMLElement;
	/** Above the results: "Thật hay lừa?" for a scam question. */
	hint: HTMLElement;
	list: HTMLOListElement;
	/** Below: the groups and the village team when nothing is found. */
	more: HTMLElement;
}

export async function runSearch(base: string, query: string, { status, hint, list, more }: SearchView) {
	const q = query.normalize('NFC').trim().replace(/\s+/g, ' ');
	const ticket = ++latest;
	// One letter matches nearly every page: wait for a second one before downloading anything.
	if (q.length < 2) {
		status.textContent = '';
		for (const e of [hint, list, more]) e.replaceChildren();
		return;
	}
	let loaded: Loaded;
	try {
		status.textContent = 'Đang tìm…';
		loaded = await load(base);
	} catch {
		if (ticket === latest) status.textContent = 'Chưa tải được bộ tìm kiếm. Bà con kiểm tra mạng rồi gõ lại.';
		return;
	}
	const key = tokens(q).join(' ');
	let found = answers.get(key);
	if (!found) {
		found = await answer(loaded, q);
		answers.set(key, found);
	}
	if (ticket !== latest) return; // A newer keystroke replaced this search.
	const { results, approximate, words } = found;
	status.textContent = !results.length
		? `Không tìm thấy bài nào cho “${q}”.`
		: approximate
			? `Gần đúng: chưa có bài nào khớp cả “${q}”. Các bài có “${words.join(' ')}”:`
			: `Tìm thấy ${found.total} bài cho “${q}”.`;
	list.classList.toggle('approximate', approximate);
	list.replaceChildren(
		...results.map((r) =>
			el('li', {}, el('a', { href: `${base}${r.path}` }, r.title || r.path), ...(approximate ? [el('span', { className: 'tag' }, 'gần đúng')] : []), el('p', {}, r.description))
		)
	);
	hint.replaceChildren(...(looksLikeScam(q, loaded.data.scam) ? [scamHint(base)] : []));
	more.replaceChildren(...(results.length ? [] : [nothingFound(base, loaded.data)]));
}
