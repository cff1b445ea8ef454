/**
 * <gds-tally>: the village tally on the team leader's phone. Keeps the tally in localStorage,
 * turns taps, short codes and CSV files into changes through the pure functions of ~/lib/tally*,
 * and redraws only what a change touches, so a village of 2,000 households stays quick.
 */
import { progress, type Answers, type AnswerState } from '~/lib/answers';
import { decodeShortCode, ShortCodeError } from '~/lib/shortcode';
import {
	addHousehold,
	applyShortCode,
	formatPercent,
	householdLabel,
	householdsToGoal,
	meetsAllApplicable,
	meetsGoal,
	newId,
	removeHousehold,
	renameHousehold,
	setAnswer,
	summarize,
	TallyError,
	unansweredNotes,
	type Household,
	type Share,
	type Tally,
} from '~/lib/tally';
import { exportFileName, formatImportProblem, MAX_BYTES, readTallyFile, singleVillage, tallyToCsv, TallyImportError } from '~/lib/tally-csv';
import { asideKey, daysSinceBackup, needsBackup, readStored, serializeStored, STORAGE_KEY, type StoredTally } from '~/lib/tally-store';
import type { TallyConfig } from './config';
import { download, escapeHtml, fillList, localDate } from './dom';

const OTHER_VILLAGE = '__khac';
const PRINT_LETTERS: Record<AnswerState, string> = { dat: 'Đ', 'chua-dat': 'C', 'khong-ap-dung': 'K' };

class GdsTally extends HTMLElement {
	#config!: TallyConfig;
	#tally!: StoredTally;
	#open: string | null = null;
	#pendingImport: { tally: Tally; notices: string[] } | null = null;

	connectedCallback() {
		this.#config = JSON.parse(this.dataset.config!);
		this.#load(true);
		this.#wire();
		this.$('[data-needs-js]').hidden = true;
		this.$('[data-app]').hidden = false;
		// Another tab of this page may have changed the tally.
		window.addEventListener('storage', (e) => e.key === STORAGE_KEY && this.#reload());
		// Back to this page from another one: the browser may show a stale copy.
		window.addEventListener('pageshow', (e) => e.persisted && this.#reload());
		// The paper sheet is drawn only when printing: 2,000 rows are too many to redraw on every tap.
		window.addEventListener('beforeprint', () => this.#renderPrint());
		this.#renderAll();
	}

	$<T extends HTMLElement = HTMLElement>(selector: string, root: ParentNode = this): T {
		return root.querySelector<T>(selector)!;
	}

	// ——— Storage ———

	#load(first: boolean) {
		let raw: string | null = null;
		try {
			raw = localStorage.getItem(STORAGE_KEY);
		} catch {
			if (first) this.#notice('Trình duyệt này không cho lưu dữ liệu, nên sổ sẽ mất khi đóng trang. Hãy tải tệp CSV trước khi đóng.');
		}
		const loaded = readStored(raw, this.#config.criteria);
		if (loaded.unreadable && raw !== null) {
			// Keep what could not be read, so that nothing on the device is lost.
			try {
				localStorage.setItem(asideKey(new Date()), raw);
				localStorage.removeItem(STORAGE_KEY);
			} catch {
				/* the notice below still tells the user */
			}
		}
		this.#tally = loaded.tally;
		if (first && loaded.notices.length) this.#notice(loaded.notices.join(' '));
	}

	#reload() {
		this.#open = null;
		this.#load(false);
		this.#renderAll();
	}

	#save(tally: StoredTally) {
		this.#tally = tally;
		try {
			localStorage.setItem(STORAGE_KEY, serializeStored(tally));
		} catch {
			this.#notice('Không lưu được sổ trên máy này (bộ nhớ đầy hoặc trình duyệt chặn). Hãy tải tệp CSV ngay để khỏi mất.');
		}
	}

	/** Applies a change made by the user: saved at once, and marked as not yet backed up. */
	#change(next: Tally) {
		this.#save({ ...this.#tally, ...next, changedSinceBackup: true });
	}

	#notice(text: string) {
		const p = this.$('[data-notice]');
		p.textContent = text;
		p.hidden = false;
	}

	// ——— Events ———

	#wire() {
		const select = this.querySelector<HTMLSelectElement>('[data-village-select]');
		const typed = this.$<HTMLInputElement>('[data-village-input]');
		select?.addEventListener('change', () => {
			const other = select.value === OTHER_VILLAGE;
			this.$('[data-village-other]').hidden = !other;
			if (other) typed.focus();
			else this.#setVillage(select.value);
		});
		typed.addEventListener('change', () => this.#setVillage(typed.value));

		this.$<HTMLFormElement>('[data-add]').addEventListener('submit', (e) => {
			e.preventDefault();
			this.#add(e.currentTarget as HTMLFormElement);
		});
		this.$<HTMLInputElement>('[data-filter]').addEventListener('input', (e) => this.#filter((e.target as HTMLInputElement).value));
		this.$<HTMLInputElement>('[data-import]').addEventListener('change', (e) => this.#import(e.target as HTMLInputElement));

		this.addEventListener('click', (e) => {
			const target = e.target as HTMLElement;
			const toggle = target.closest<HTMLElement>('.household-toggle');
			if (toggle) return this.#toggle(toggle.closest('li')!.dataset.id!);
			const action = target.closest<HTMLElement>('[data-action]')?.dataset.action;
			if (action) this.#action(action);
		});
		this.addEventListener('change', (e) => {
			const input = e.target as HTMLInputElement;
			if (input.type === 'radio' && this.#open) this.#answer(input.closest<HTMLElement>('[data-criterion]')!.dataset.criterion!, input.value as AnswerState);
		});
		// Enter in the short code field fills the answers rather than submitting anything.
		this.addEventListener('keydown', (e) => {
			if (e.key === 'Enter' && (e.target as HTMLElement).matches('.editor [data-code]')) {
				e.preventDefault();
				this.#action('code');
			}
		});
	}

	#action(action: string) {
		const editor = this.querySelector<HTMLElement>('.editor');
		switch (action) {
			case 'export':
				return this.#export();
			case 'print':
				return window.print();
			case 'import-yes':
				return this.#applyImport();
			case 'import-no':
				this.#pendingImport = null;
				this.$('[data-import-confirm]').hidden = true;
				return this.#importMessage('Đã hủy. Sổ trên máy giữ nguyên.', false);
			case 'close':
				return this.#toggle(this.#open!);
			case 'rename':
				return this.#rename(editor!);
			case 'code':
				return this.#fillFromCode(editor!);
			case 'remove': {
				const household = this.#household(this.#open!)!;
				this.$('[data-remove-name]', editor!).textContent = householdLabel(household);
				this.$('[data-remove-confirm]', editor!).hidden = false;
				return this.$('[data-action=remove-yes]', editor!).focus();
			}
			case 'remove-no':
				return (this.$('[data-remove-confirm]', editor!).hidden = true);
			case 'remove-yes': {
				const id = this.#open!;
				this.#open = null;
				this.#change(removeHousehold(this.#tally, id));
				this.querySelector(`li[data-id="${id}"]`)?.remove();
				this.#afterListChange();
				return this.$('[data-add] input').focus();
			}
		}
	}

	// ——— Changes ———

	#setVillage(name: string) {
		this.#change({ ...this.#tally, village: name.replace(/\s+/g, ' ').trim() });
		this.#renderVillage();
	}

	#add(form: HTMLFormElement) {
		const message = this.$('[data-add-message]', form);
		const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
		try {
			const code = field('code').trim();
			const answers: Answers = code ? decodeShortCode(this.#config.criteria, code) : {};
			const next = addHousehold(this.#tally, field('name'), field('houseNumber'), answers);
			this.#change(next);
		} catch (error) {
			if (!(error instanceof TallyError || error instanceof ShortCodeError)) throw error;
			delete message.dataset.kind;
			message.textContent = error instanceof ShortCodeError ? `Chưa thêm hộ: ${error.message}` : error.message;
			return;
		}
		const added = this.#tally.households.at(-1)!;
		form.reset();
		this.$('[data-households]').append(this.#item(added));
		this.#afterListChange();
		if (Object.keys(added.answers).length) {
			// Filled from its code: ready for the next household straight away.
			message.dataset.kind = 'ok';
			message.textContent = `Đã thêm hộ ${householdLabel(added)} và điền ${this.#config.criteria.length} tiêu chí theo mã.`;
			return this.$<HTMLInputElement>('input[name=name]', form).focus();
		}
		message.textContent = '';
		delete message.dataset.kind;
		this.#toggle(added.id);
	}

	#answer(criterionId: string, state: AnswerState) {
		this.#change(setAnswer(this.#tally, this.#config.criteria, this.#open!, criterionId, state));
		this.#afterAnswers();
	}

	#fillFromCode(editor: HTMLElement) {
		const input = this.$<HTMLInputElement>('[data-code]', editor);
		const message = this.$('[data-editor-message]', editor);
		try {
			this.#change(applyShortCode(this.#tally, this.#config.criteria, this.#open!, input.value));
		} catch (error) {
			if (!(error instanceof ShortCodeError || error instanceof TallyError)) throw error;
			message.textContent = `${error.message} Câu trả lời của hộ giữ nguyên.`;
			return;
		}
		message.textContent = `Đã điền ${this.#config.criteria.length} tiêu chí theo mã.`;
		input.value = '';
		this.#fillEditor(editor);
		this.#afterAnswers();
	}

	#rename(editor: HTMLElement) {
		const value = (f: string) => this.$<HTMLInputElement>(`[data-field=${f}]`, editor).value;
		const message = this.$('[data-editor-message]', editor);
		try {
			this.#change(renameHousehold(this.#tally, this.#open!, value('name'), value('houseNumber')));
		} catch (error) {
			if (!(error instanceof TallyError)) throw error;
			message.textContent = error.message;
			return;
		}
		message.textContent = 'Đã lưu tên và số nhà.';
		this.#afterAnswers();
	}

	// ——— Export and import ———

	#export() {
		if (!this.#tally.households.length) return this.#importMessage('Sổ chưa có hộ nào để tải.', true);
		if (!this.#tally.village) {
			this.#importMessage('Hãy ghi tên làng ở trên trước khi tải tệp.', true);
			return this.$<HTMLElement>('[data-village-input], [data-village-select]').focus();
		}
		const now = new Date();
		const name = exportFileName(this.#tally.village, now);
		download(name, tallyToCsv(this.#config.criteria, this.#tally.village, this.#tally.households));
		this.#save({ ...this.#tally, lastBackup: now.toISOString(), changedSinceBackup: false });
		this.#renderBackup();
		this.#importMessage(`Đã lưu tệp ${name} vào mục Tải xuống (Download) của máy.`, false);
	}

	async #import(input: HTMLInputElement) {
		const file = input.files?.[0];
		input.value = '';
		if (!file) return;
		this.$('[data-import-confirm]').hidden = true;
		this.#pendingImport = null;
		let tally: Tally;
		let notices: string[];
		try {
			// Too big to be a village: refused before reading it, so the phone does not freeze.
			const bytes = file.size > MAX_BYTES ? new Uint8Array(file.size) : new Uint8Array(await file.arrayBuffer());
			const imported = readTallyFile(file.name, bytes, this.#config.criteria);
			const village = singleVillage(imported);
			tally = { village, households: imported.households.map(({ name, houseNumber, answers }) => ({ id: newId(), name, houseNumber, answers })) };
			notices = imported.notices;
		} catch (error) {
			if (!(error instanceof TallyImportError)) throw error;
			const box = this.$('[data-import-message]');
			box.replaceChildren(
				Object.assign(document.createElement('p'), { textContent: 'Chưa nạp được tệp. Sổ trên máy giữ nguyên.' }),
				Object.assign(document.createElement('ul'), {})
			);
			fillList(box.querySelector('ul')!, [...error.problems.map(formatImportProblem), ...(error.more ? [`… và ${error.more} lỗi khác.`] : [])]);
			box.dataset.kind = 'error';
			return;
		}
		this.#pendingImport = { tally, notices };
		const count = tally.households.length;
		if (!this.#tally.households.length) return this.#applyImport();
		this.$('[data-import-question]').textContent =
			`Tệp ${file.name} có ${count} hộ của làng “${tally.village}”. Thay toàn bộ ${this.#tally.households.length} hộ` +
			`${this.#tally.village ? ` của làng “${this.#tally.village}”` : ''} đang có trên máy bằng tệp này?` +
			(this.#tally.changedSinceBackup ? ' Sổ trên máy có thay đổi chưa sao lưu: thay thì mất các thay đổi đó.' : '');
		this.$('[data-import-confirm]').hidden = false;
		this.#importMessage(notices.join(' '), false);
		this.$('[data-action=import-no]').focus();
	}

	#applyImport() {
		const { tally, notices } = this.#pendingImport!;
		this.#pendingImport = null;
		this.$('[data-import-confirm]').hidden = true;
		// What was just read is a file on this device: it counts as the backup of this state.
		this.#save({ ...this.#tally, ...tally, changedSinceBackup: false });
		this.#open = null;
		this.#renderAll();
		this.#importMessage([`Đã nạp ${tally.households.length} hộ của làng “${tally.village}”.`, ...notices].join(' '), false);
	}

	#importMessage(text: string, error: boolean) {
		const box = this.$('[data-import-message]');
		box.textContent = text;
		box.dataset.kind = error ? 'error' : 'ok';
	}

	// ——— Drawing ———

	#household(id: string): Household | undefined {
		return this.#tally.households.find((h) => h.id === id);
	}

	#renderAll() {
		this.#renderVillage();
		const list = this.$('[data-households]');
		list.replaceChildren(...this.#tally.households.map((h) => this.#item(h)));
		this.#afterListChange();
	}

	#afterListChange() {
		const count = this.#tally.households.length;
		this.$('[data-empty]').hidden = count > 0;
		this.$('[data-filter-label]').hidden = count < 8;
		this.#filter(this.$<HTMLInputElement>('[data-filter]').value);
		this.#renderSummary();
		this.#renderBackup();
	}

	#afterAnswers() {
		const li = this.querySelector<HTMLElement>(`li[data-id="${this.#open}"]`);
		const household = this.#household(this.#open!);
		if (li && household) this.#fillItem(li, household);
		this.#renderSummary();
		this.#renderBackup();
	}

	#renderVillage() {
		const { village } = this.#tally;
		const select = this.querySelector<HTMLSelectElement>('[data-village-select]');
		const typed = this.$<HTMLInputElement>('[data-village-input]');
		if (select) {
			const listed = [...select.options].some((o) => o.value === village && village);
			select.value = listed ? village : village ? OTHER_VILLAGE : '';
			this.$('[data-village-other]').hidden = listed || !village;
			typed.value = listed ? '' : village;
		} else typed.value = village;
	}

	#item(household: Household): HTMLLIElement {
		const li = document.createElement('li');
		li.dataset.id = household.id;
		li.innerHTML =
			'<button type="button" class="household-toggle" aria-expanded="false"><span class="hh-name"></span><span class="hh-status"></span></button>';
		this.#fillItem(li, household);
		return li;
	}

	#fillItem(li: HTMLElement, h: Household) {
		const { criteria } = this.#config;
		this.$('.hh-name', li).textContent = h.houseNumber ? `${h.name} · số nhà ${h.houseNumber}` : h.name;
		const answered = criteria.filter((c) => c.id in h.answers).length;
		const { met, applicable } = progress(criteria, h.answers);
		const status = this.$('.hh-status', li);
		const done = meetsAllApplicable(criteria, h.answers) === true;
		status.textContent = !answered
			? 'Chưa ghi kết quả'
			: `Đạt ${met}/${applicable} tiêu chí${answered < criteria.length ? ` · còn ${criteria.length - answered} chưa ghi` : ''}${done ? ' · Gia đình số ✓' : ''}`;
		li.dataset.done = String(done);
		li.dataset.search = `${h.name} ${h.houseNumber}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();
	}

	#filter(query: string) {
		const q = query.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().trim();
		for (const li of this.querySelectorAll<HTMLElement>('[data-households] > li')) li.hidden = Boolean(q) && !li.dataset.search!.includes(q);
	}

	/** Opens one household's answers below its name, closing any other, or closes it. */
	#toggle(id: string) {
		const previous = this.#open;
		if (previous) {
			const li = this.querySelector(`li[data-id="${previous}"]`);
			li?.querySelector('.editor')?.remove();
			li?.querySelector('.household-toggle')?.setAttribute('aria-expanded', 'false');
			this.#open = null;
			if (previous === id) return (li?.querySelector('.household-toggle') as HTMLElement | null)?.focus();
		}
		const li = this.querySelector<HTMLElement>(`li[data-id="${id}"]`);
		if (!li) return;
		const template = this.$<HTMLTemplateElement>('template[data-editor]');
		const editor = (template.content.firstElementChild as HTMLElement).cloneNode(true) as HTMLElement;
		this.#open = id;
		this.#fillEditor(editor);
		li.append(editor);
		li.querySelector('.household-toggle')!.setAttribute('aria-expanded', 'true');
		editor.focus({ preventScroll: true });
		li.scrollIntoView({ block: 'start' });
	}

	#fillEditor(editor: HTMLElement) {
		const h = this.#household(this.#open!)!;
		this.$<HTMLInputElement>('[data-field=name]', editor).value = h.name;
		this.$<HTMLInputElement>('[data-field=houseNumber]', editor).value = h.houseNumber;
		for (const input of editor.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
			const id = input.closest<HTMLElement>('[data-criterion]')!.dataset.criterion!;
			input.checked = h.answers[id] === input.value;
		}
	}

	#renderSummary() {
		const { criteria, goal } = this.#config;
		const s = summarize(criteria, this.#config.groups, this.#tally.households);
		const set = (selector: string, text: string) => {
			const el = this.querySelector(selector);
			if (el) el.textContent = text;
		};
		const count = (share: Share) => `${share.met} / ${share.of}`;
		set('[data-sum=overall-share]', formatPercent(s.overall));
		set('[data-sum=overall-count]', count(s.overall));
		set('[data-sum=households]', String(s.households));
		const reached = meetsGoal(s.overall, goal);
		const missing = householdsToGoal(s.overall, goal);
		set(
			'[data-sum=goal]',
			`Mục tiêu của xã: ${goal}% số hộ. ` +
				(!s.overall.of ? '' : reached ? 'Làng đã đạt mục tiêu.' : `Cần thêm ${missing} hộ đạt “Gia đình số” nữa để đạt mục tiêu.`)
		);
		const bar = this.$('[data-sum=overall-bar]');
		bar.style.inlineSize = s.overall.of ? `${(100 * s.overall.met) / s.overall.of}%` : '0';
		bar.toggleAttribute('data-goal-met', reached);
		for (const share of [...s.criteria, ...s.groups]) {
			set(`[data-count="${share.id}"]`, count(share));
			set(`[data-share="${share.id}"]`, formatPercent(share));
		}
		fillList(this.$('[data-sum=notes]'), unansweredNotes(s));
	}

	#renderBackup() {
		const now = new Date();
		const t = this.#tally;
		const days = daysSinceBackup(t, now);
		const when = t.lastBackup ? `Lần sao lưu gần nhất: ${localDate(new Date(t.lastBackup))}${days ? ` (${days} ngày trước)` : ' (hôm nay)'}.` : 'Chưa sao lưu lần nào.';
		const pending = t.changedSinceBackup && t.households.length ? ' Có thay đổi chưa sao lưu.' : '';
		this.$('[data-backup-status]').textContent = when + pending;
		const reminder = this.$('[data-reminder]');
		reminder.hidden = !needsBackup(t, now);
		reminder.innerHTML = `${escapeHtml(when)} <a href="#sao-luu">Nhớ tải tệp sao lưu</a> để khỏi mất sổ khi điện thoại hỏng.`;
	}

	/** The landscape sheet; built as one string since a village may have 2,000 rows. */
	#renderPrint() {
		const { criteria, groups } = this.#config;
		const { households, village } = this.#tally;
		const s = summarize(criteria, groups, households);
		const set = (selector: string, text: string) => this.querySelectorAll(selector).forEach((el) => (el.textContent = text));
		set('[data-print=village]', village || '……………');
		set('[data-print=households]', String(households.length));
		set('[data-print=date]', localDate(new Date()));
		this.$('[data-print-rows]').innerHTML = households
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
}

customElements.define('gds-tally', GdsTally);
