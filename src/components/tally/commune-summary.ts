/**
 * <gds-tong-hop>: reads the villages' tally files in the browser and draws the commune's table.
 * Each file is taken whole or refused whole; a refused file leaves the others as they were.
 * Nothing is stored: the office sees only what the files it chose hold.
 */
import { communeSummaryCsv, mergeVillageFiles, TOTAL_LABEL, type CommuneSummary } from '~/lib/tally-merge';
import { formatImportProblem, MAX_BYTES, readTallyFile, TallyImportError, type ImportedFile } from '~/lib/tally-csv';
import { formatPercent, householdLabel, meetsGoal, type TallySummary } from '~/lib/tally';
import type { TallyConfig } from './config';
import { download, escapeHtml, localDate } from './dom';

interface Loaded extends ImportedFile {
	/** The file's text, to notice the same file chosen twice. */
	text: string;
}

class GdsTongHop extends HTMLElement {
	#config!: TallyConfig;
	#files: Loaded[] = [];
	#summary: CommuneSummary | null = null;

	connectedCallback() {
		this.#config = JSON.parse(this.dataset.config!);
		this.$('[data-needs-js]').hidden = true;
		this.$('[data-app]').hidden = false;
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
				// Too big to be a village: refused before reading it, so the page does not freeze.
				const bytes = file.size > MAX_BYTES ? new Uint8Array(file.size) : new Uint8Array(await file.arrayBuffer());
				const imported = readTallyFile(file.name, bytes, this.#config.criteria);
				const text = new TextDecoder().decode(bytes);
				const twin = this.#files.find((f) => f.text === text);
				if (twin) {
					refused.push(`Tệp ${file.name}: giống hệt tệp ${twin.file} đã chọn, nên không cộng lần nữa.`);
					continue;
				}
				this.#files.push({ ...imported, text });
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
			const intro = added ? `Đã thêm ${added} tệp. Các tệp sau chưa được tính; bảng giữ nguyên phần của chúng:` : 'Chưa thêm được tệp nào; bảng giữ nguyên:';
			box.append(Object.assign(document.createElement('p'), { textContent: intro }), this.#list(refused));
		} else if (added) {
			box.dataset.kind = 'ok';
			box.textContent = `Đã thêm ${added} tệp.`;
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
		const { criteria, groups, goal } = this.#config;
		const summary = (this.#summary = this.#files.length ? mergeVillageFiles(criteria, groups, this.#files) : null);

		this.$('[data-file-list]').replaceChildren(
			...this.#files.map((f, i) => {
				const li = document.createElement('li');
				const villages = [...new Set(f.households.map((h) => h.village))].join(', ');
				li.innerHTML = `<span><strong>${escapeHtml(f.file)}</strong>: làng ${escapeHtml(villages)}, ${f.households.length} hộ</span><button type="button" class="secondary" data-remove="${i}" aria-label="Bỏ tệp ${escapeHtml(f.file)}">Bỏ tệp</button>`;
				if (f.notices.length) li.append(Object.assign(document.createElement('p'), { className: 'file-notes', textContent: f.notices.join(' ') }));
				return li;
			})
		);
		this.$('[data-result]').hidden = !summary;
		if (!summary) return;

		const row = (label: string, s: TallySummary) => {
			const goalMet = meetsGoal(s.overall, goal);
			const cells = [
				`<th scope="row">${escapeHtml(label)}</th>`,
				`<td>${s.households}</td>`,
				`<td>${s.overall.met}</td>`,
				`<td class="${goalMet ? 'goal-met' : ''}">${formatPercent(s.overall)}${goalMet ? ' ✓' : ''}</td>`,
				...s.groups.map((g) => `<td title="${g.met}/${g.of} hộ">${formatPercent(g)}</td>`),
				...s.criteria.map((c) => `<td title="${c.met}/${c.of} hộ">${formatPercent(c)}</td>`),
			];
			return `<tr>${cells.join('')}</tr>`;
		};
		this.$('[data-rows]').innerHTML = summary.villages.map((v) => row(v.village, v.summary)).join('');
		this.$('[data-total]').innerHTML = row(TOTAL_LABEL, summary.total);

		const set = (selector: string, text: string) => (this.$(selector).textContent = text);
		set('[data-print=villages]', String(summary.villages.length));
		set('[data-print=households]', String(summary.total.households));
		set('[data-print=date]', localDate(new Date()));
		set('[data-notes]', this.#files.flatMap((f) => f.notices).join(' '));

		this.$('[data-duplicates-section]').hidden = !summary.duplicates.length;
		this.$('[data-duplicates]').replaceChildren(
			...summary.duplicates.map((d) => {
				const where = d.places.map((p) => `${p.file} dòng ${p.row} (làng ${p.village})`).join('; ');
				return Object.assign(document.createElement('li'), { textContent: `Hộ ${householdLabel(d)}: ${where}.` });
			})
		);
	}

	#export() {
		if (!this.#summary) return;
		const { criteria, groups } = this.#config;
		const name = `tong-hop-gia-dinh-so-${new Date().toISOString().slice(0, 10)}.csv`;
		download(name, communeSummaryCsv(criteria, groups, this.#summary));
		this.$('[data-export-message]').dataset.kind = 'ok';
		this.$('[data-export-message]').textContent = `Đã lưu tệp ${name} vào mục Tải xuống (Downloads).`;
	}
}

customElements.define('gds-tong-hop', GdsTongHop);
