/**
 * The village tally on paper (A4 landscape, one row per household), loaded on use: the page does
 * not carry the sheet's heading, pictograms and QR code on every visit. They are taken from the
 * blank "Bảng tổng hợp của Tổ" (/in/bang-tong-hop/), the same sheet the filled one is laid out
 * like, which the offline save stores as one of its pages; the rows and totals are drawn here.
 * The blank page's styles come along (its components' scoped styles and sheet.css).
 */
import type { AnswerState } from '~/lib/answers';
import { formatLocalDate } from '~/lib/date';
import { formatPercent, meetsAllApplicable, summarize } from '~/lib/tally';
import type { StoredTally } from '~/lib/tally-store';
import { escapeHtml } from '../dom';
import type { TallyConfig } from './config';
import css from './print.css?inline';

const PRINT_LETTERS: Record<AnswerState, string> = { dat: 'Đ', 'chua-dat': 'C', 'khong-ap-dung': 'K' };
const TITLE = 'Sổ theo dõi “Gia đình số” của Tổ';
const FIELDS =
	'Làng: <strong data-print="village"></strong> · Số hộ: <strong data-print="households"></strong> · In ngày <strong data-print="date"></strong>';
const HOW =
	'<strong>Đ</strong> = đạt, <strong>C</strong> = chưa đạt, <strong>K</strong> = không áp dụng, ô trống = chưa trả lời (tính là chưa đạt). Tỉ lệ = số hộ đạt ÷ số hộ mà tiêu chí áp dụng.';

const $ = (root: ParentNode, selector: string) => root.querySelector<HTMLElement>(selector)!;
let loading: Promise<boolean> | undefined;

/**
 * The blank sheet's page: from the network, else the copy that "Lưu" stored (the service worker
 * answers page addresses only for navigations, so the stored copy is read from the cache here).
 */
async function blankSheet(url: string): Promise<string> {
	const response = await fetch(url).catch(() => undefined);
	if (response?.ok) return response.text();
	const stored = 'caches' in window ? await caches.match(url, { ignoreSearch: true }) : undefined;
	if (!stored) throw new Error(`${url}: ${response?.status ?? 'offline'}`);
	return stored.text();
}

/** Fills the empty sheet once from the blank sheet's page; false when that page cannot be had (offline, never saved). */
export function loadSheet(host: HTMLElement, config: TallyConfig): Promise<boolean> {
	if (host.querySelector('table')) return Promise.resolve(true);
	loading ??= blankSheet(new URL(host.dataset.source!, location.href).href)
		.then((html) => {
			const blank = new DOMParser().parseFromString(html, 'text/html');
			const header = blank.querySelector('.sheet-header');
			const head = blank.querySelector('.tally-sheet table thead');
			const totals = blank.querySelector('.tally-sheet .totals');
			if (!header || !head || !totals) throw new Error('bang-tong-hop');
			header.querySelector('.sheet-title')!.textContent = TITLE;
			const intro = header.querySelector('.sheet-title')!.parentElement!;
			intro.querySelectorAll('.sheet-title ~ *').forEach((el) => el.remove());
			intro.insertAdjacentHTML('beforeend', `<p class="fields">${FIELDS}</p><p class="how">${HOW}</p>`);
			head.querySelector('th.name')!.textContent = 'Hộ gia đình';
			const foot = (label: string, attr: string) =>
				`<tr><th scope="row" colspan="3">${label}</th>${config.criteria.map((c) => `<td ${attr}="${c.id}"></td>`).join('')}<td ${attr}="overall"></td></tr>`;
			const table = document.createElement('table');
			table.className = 'households';
			table.append(document.importNode(head, true));
			table.insertAdjacentHTML('beforeend', `<tbody data-print-rows></tbody><tfoot>${foot('Số hộ đạt', 'data-print-met')}${foot('Tỉ lệ đạt', 'data-print-share')}</tfoot>`);
			const styles = [...blank.querySelectorAll('style')].map((style) => document.importNode(style, true));
			styles.push(Object.assign(document.createElement('style'), { textContent: css }));
			host.replaceChildren(...styles, document.importNode(header, true), table, document.importNode(totals, true));
			return true;
		})
		.catch(() => {
			loading = undefined;
			return false;
		});
	return loading;
}

/** The landscape sheet; built as one string since a village may have 2,000 rows. */
export function renderPrint(root: ParentNode, config: TallyConfig, tally: StoredTally) {
	const { criteria, groups } = config;
	const { households, village } = tally;
	const s = summarize(criteria, groups, households);
	const set = (selector: string, text: string) => root.querySelectorAll(selector).forEach((el) => (el.textContent = text));
	set('[data-print=village]', village || '……………');
	set('[data-print=households]', String(households.length));
	set('[data-print=date]', formatLocalDate(new Date()));
	$(root, '[data-print-rows]').innerHTML = households
		.map((h, i) => {
			const cells = criteria.map((c) => `<td>${h.answers[c.id] ? PRINT_LETTERS[h.answers[c.id]!] : ''}</td>`).join('');
			const done = meetsAllApplicable(criteria, h.answers);
			return `<tr><td>${i + 1}</td><td class="name-cell">${escapeHtml(h.name)}</td><td>${escapeHtml(h.houseNumber)}</td>${cells}<td>${done ? 'Đ' : 'C'}</td></tr>`;
		})
		.join('');
	for (const share of [...s.criteria, { ...s.overall, id: 'overall' }]) {
		set(`[data-print-met="${share.id}"]`, String(share.met));
		set(`[data-print-share="${share.id}"]`, formatPercent(share));
	}
	for (const share of [...s.groups, { ...s.overall, id: 'overall' }]) {
		set(`[data-print-group-met="${share.id}"]`, String(share.met));
		set(`[data-print-group-of="${share.id}"]`, String(share.of));
		set(`[data-print-group-share="${share.id}"]`, formatPercent(share));
	}
}
