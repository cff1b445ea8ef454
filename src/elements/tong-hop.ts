/**
 * <gds-tong-hop>: reads the villages' tally files in the browser and draws the commune's report.
 * Each file is taken whole or refused whole; of several files of one village the newest export is
 * counted and the others are listed as set aside. Nothing is stored: the office sees only what
 * the files it chose hold.
 */
import { communeSummaryCsv, mergeVillageFiles, methodText, reportedText, TOTAL_LABEL, type ChosenFile, type CommuneSummary } from '~/lib/tally-merge';
import { formatImportProblem, readTallyFile, refuseIfTooBig, TallyImportError } from '~/lib/tally-csv';
import { formatPercent, householdLabel, meetsGoal, weakestCriteria, type Share, type TallySummary } from '~/lib/tally';
import type { ReportConfig } from './tally/config';
import { download, escapeHtml } from './dom';
import { criterionNumber } from '~/lib/criterion';
import { formatLocalDate, localIsoDate } from '~/lib/date';

interface Loaded extends ChosenFile {
	/** The file's bytes as text, to notice the same file chosen twice. */
	text: string;
}

/** Bars of the villages (hatched) and the groups (solid) against the goal line: readable in black and white. */
export function chartSvg(bars: { label: string; share: Share; kind: 'village' | 'total' | 'group' }[], goal: number): string {
	const row = 26;
	const left = 150;
	const width = 360;
	const top = 18;
	const height = top + bars.length * row + 8;
	const x = (pct: number) => left + (width * pct) / 100;
	const parts = bars.map((b, i) => {
		const y = top + i * row;
		const pct = b.share.of ? (100 * b.share.met) / b.share.of : 0;
		const fill = b.kind === 'village' ? 'url(#gds-hatch)' : b.kind === 'total' ? 'currentColor' : '#888';
		return (
			`<text x="${left - 6}" y="${y + 16}" text-anchor="end" font-size="12" font-weight="${b.kind === 'total' ? 700 : 400}">${escapeHtml(b.label)}</text>` +
			`<rect x="${left}" y="${y + 4}" width="${((width * pct) / 100).toFixed(1)}" height="16" fill="${fill}" stroke="currentColor"/>` +
			`<text x="${x(pct) + 4}" y="${y + 16}" font-size="12">${formatPercent(b.share)}</text>`
		);
	});
	return (
		`<svg viewBox="0 0 ${left + width + 50} ${height}" role="img" aria-label="Biểu đồ tỉ lệ hộ đạt của từng làng và từng nhóm so với mục tiêu ${goal}%" fill="currentColor" font-family="sans-serif">` +
		`<defs><pattern id="gds-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="none"/><line x1="0" y1="0" x2="0" y2="6" stroke="currentColor" stroke-width="2.5"/></pattern></defs>` +
		`<line x1="${left}" y1="${top - 4}" x2="${left}" y2="${height - 4}" stroke="currentColor"/>` +
		parts.join('') +
		`<line x1="${x(goal)}" y1="${top - 6}" x2="${x(goal)}" y2="${height - 4}" stroke="currentColor" stroke-width="2" stroke-dasharray="5 3"/>` +
		`<text x="${x(goal)}" y="12" text-anchor="middle" font-size="12" font-weight="700">Mục tiêu ${goal}%</text>` +
		`</svg>`
	);
}

class GdsTongHop extends HTMLElement {
	#config!: ReportConfig;
	#files: Loaded[] = [];
	#summary: CommuneSummary | null = null;

	connectedCallback() {
		this.#config = JSON.parse(this.dataset.config!);
		const input = this.$<HTMLInputElement>('[data-files]');
		input.addEventListener('change', () => this.#load(input));
		this.addEventListener('click', (e) => {
			const button = (e.target as HTMLElement).closest<HTMLElement>('[data-action], [data-remove]');
			if (!button) return;
			if (button.dataset.remove !== undefined) return this.#remove(Number(button.dataset.remove));
			if (button.dataset.action === 'export') return this.#export();
			if (button.dataset.action === 'print') return window.print();
		});
	}

	$<T extends HTMLElement = HTMLElement>(selector: string): T {
		return this.querySelector<T>(selector)!;
	}

	async #load(input: HTMLInputElement) {
		const chosen = [...(input.files ?? [])];
		input.value = '';
		const refused: string[] = [];
		let added = 0;
		for (const file of chosen) {
			try {
				// Too big to be a village: refused by its size alone, before anything is read or allocated.
				refuseIfTooBig(file.name, file.size);
				const bytes = new Uint8Array(await file.arrayBuffer());
				const imported = readTallyFile(file.name, bytes, this.#config.criteria);
				const text = new TextDecoder().decode(bytes);
				const twin = this.#files.find((f) => f.text === text);
				if (twin) {
					refused.push(`Tệp ${file.name}: giống hệt tệp ${twin.file} đã chọn, nên không cộng lần nữa.`);
					continue;
				}
				this.#files.push({ ...imported, text, lastModified: file.lastModified });
				added++;
			} catch (error) {
				if (!(error instanceof TallyImportError)) throw error;
				refused.push(...error.problems.map(formatImportProblem), ...(error.more ? [`… và ${error.more} lỗi khác trong tệp ${file.name}.`] : []));
			}
		}
		const box = this.$('[data-load-message]');
		box.replaceChildren();
		if (refused.length) {
			box.dataset.kind = 'error';
			const intro = added ? `Đã đọc ${added} tệp. Các tệp sau chưa được tính; bảng giữ nguyên phần của chúng:` : 'Chưa đọc được tệp nào; bảng giữ nguyên:';
			box.append(Object.assign(document.createElement('p'), { textContent: intro }), this.#list(refused));
		} else if (added) {
			box.dataset.kind = 'ok';
			box.textContent = `Đã đọc ${added} tệp.`;
		}
		this.#render();
	}

	#remove(index: number) {
		const [removed] = this.#files.splice(index, 1);
		const box = this.$('[data-load-message]');
		box.dataset.kind = 'ok';
		box.textContent = `Đã bỏ tệp ${removed!.file} khỏi bảng.`;
		this.#render();
	}

	#list(lines: string[]): HTMLUListElement {
		const ul = document.createElement('ul');
		ul.append(...lines.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
		return ul;
	}

	#render() {
		const { criteria, groups, goal, villages, titles } = this.#config;
		const summary = (this.#summary = this.#files.length ? mergeVillageFiles(criteria, groups, this.#files, villages) : null);
		const aside = new Map((summary?.setAside ?? []).map((s) => [s.file, s]));
		const kept = this.#files.map((f, i) => ({ f, i })).filter(({ f }) => !aside.has(f.file) || summary!.villages.some((v) => v.file === f.file));

		this.$('[data-kept-title]').hidden = !kept.length;
		this.$('[data-file-list]').replaceChildren(
			...kept.map(({ f, i }) => {
				const li = document.createElement('li');
				const names = [...new Set(summary!.villages.filter((v) => v.file === f.file).map((v) => v.village))].join(', ');
				const when = f.exportedAt ? `, xuất lúc ${f.exportedAt.toLocaleString('vi-VN')}` : ', tệp cũ không ghi giờ xuất';
				li.innerHTML = `<span><strong>${escapeHtml(f.file)}</strong>: làng ${escapeHtml(names)}, ${f.households.length} hộ${escapeHtml(when)}</span><button type="button" class="secondary" data-remove="${i}" aria-label="Bỏ tệp ${escapeHtml(f.file)}">Bỏ tệp</button>`;
				if (f.notices.length) li.append(Object.assign(document.createElement('p'), { className: 'file-notes', textContent: f.notices.join(' ') }));
				return li;
			})
		);
		const setAside = summary?.setAside ?? [];
		this.$('[data-aside-title]').hidden = !setAside.length;
		this.$('[data-aside-list]').replaceChildren(
			...setAside.map((s) => {
				const li = document.createElement('li');
				const i = this.#files.findIndex((f) => f.file === s.file);
				li.innerHTML = `<span>${escapeHtml(`${s.file} (làng ${s.village}): ${s.reason}`)}</span><button type="button" class="secondary" data-remove="${i}" aria-label="Bỏ tệp ${escapeHtml(s.file)}">Bỏ tệp</button>`;
				return li;
			})
		);
		this.$('[data-result]').hidden = !summary;
		if (!summary) return;

		const pct = (s: Share) => `<td>${formatPercent(s)}</td>`;
		const row = (label: string, s: TallySummary, total: number | undefined, extra = '') => {
			const goalMet = meetsGoal(s.overall, goal);
			return `<tr${extra}><th scope="row">${escapeHtml(label)}</th><td>${s.households}${total ? ` <span class="of">(${formatPercent({ met: s.households, of: total })})</span>` : ''}</td><td>${total ?? '—'}</td><td>${s.overall.met}</td><td class="${goalMet ? 'goal-met' : ''}">${formatPercent(s.overall)}${goalMet ? ' ✓' : ''}</td>${s.groups.map(pct).join('')}</tr>`;
		};
		this.$('[data-rows]').innerHTML = summary.villages
			.map((v) => row(v.unlisted ? `${v.village} (không có trong danh sách của xã)` : v.village, v.summary, v.total, v.unlisted ? ' class="unlisted"' : ''))
			.join('');
		this.$('[data-total]').innerHTML = row(TOTAL_LABEL, summary.total, summary.totalHouseholds);

		const set = (selector: string, text: string) => (this.$(selector).textContent = text);
		const today = new Date();
		set('[data-print=date]', formatLocalDate(today));
		set('[data-print=long-date]', `ngày ${today.getDate()} tháng ${today.getMonth() + 1} năm ${today.getFullYear()}`);
		set('[data-reported]', reportedText(summary) + (summary.missing.length ? ` (chưa nộp: ${summary.missing.join(', ')})` : ''));
		set('[data-method]', `${methodText(goal)} “Hộ đã ghi (…%)”: so với tổng số hộ của làng, khi xã có số này. ✓ = đạt mục tiêu ${goal}%.`);
		set('[data-notes]', this.#files.filter((f) => !aside.has(f.file)).flatMap((f) => f.notices).join(' '));

		this.$('[data-criteria]').innerHTML = summary.total.criteria
			.map((c) => `<tr><th scope="row">${criterionNumber(c.id)} ${escapeHtml(titles[c.id] ?? '')}</th><td>${c.met}</td><td>${c.of}</td><td>${formatPercent(c)}</td></tr>`)
			.join('');
		set(
			'[data-weakest]',
			weakestCriteria(summary.total)
				.map((c) => `${criterionNumber(c.id)} ${titles[c.id] ?? ''} (${formatPercent(c)})`)
				.join('; ') || '—'
		);
		this.$('[data-chart]').innerHTML = chartSvg(
			[
				...summary.villages.map((v) => ({ label: v.village, share: v.summary.overall, kind: 'village' as const })),
				{ label: TOTAL_LABEL, share: summary.total.overall, kind: 'total' as const },
				...summary.total.groups.map((g) => ({ label: groups.find((x) => x.id === g.id)!.name, share: g, kind: 'group' as const })),
			],
			goal
		);

		this.$('[data-duplicates-section]').hidden = !summary.duplicates.length;
		this.$('[data-duplicates]').replaceChildren(
			...summary.duplicates.map((d) => {
				const where = d.places.map((p) => `${p.file} dòng ${p.row} (làng ${p.village})`).join('; ');
				return Object.assign(document.createElement('li'), { textContent: `Hộ ${householdLabel(d)}: ${where}. Chỉ tính ở làng ${d.countedIn}.` });
			})
		);
	}

	#export() {
		if (!this.#summary) return;
		const { criteria, groups, goal, office, titles } = this.#config;
		const now = new Date();
		const name = `tong-hop-gia-dinh-so-${localIsoDate(now)}.csv`;
		download(
			name,
			communeSummaryCsv(criteria, groups, this.#summary, {
				office,
				title: 'BÁO CÁO KẾT QUẢ PHONG TRÀO “GIA ĐÌNH SỐ”',
				date: now,
				goal,
				criterionTitles: titles,
			})
		);
		const message = this.$('[data-export-message]');
		message.dataset.kind = 'ok';
		message.textContent = `Máy đang lưu tệp ${name} vào mục Tải xuống (Downloads). Hãy mở mục Tải xuống xem tệp đã có chưa.`;
	}
}

customElements.define('gds-tong-hop', GdsTongHop);
