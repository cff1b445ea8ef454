/**
 * <gds-tally>: the village tally on the team leader's phone. Storage is in ./storage, drawing in
 * ./render, and the files (send, save, open) in ./files, which loads only when a file is used.
 * A household's house number, name and answers are saved as soon as they change, so closing the
 * editor in any way (Xong, another household, the back button) keeps them.
 */
import type { AnswerState } from '~/lib/answers';
import { ShortCodeError } from '~/lib/shortcode';
import {
	addHousehold,
	householdLabel,
	removeHousehold,
	renameHousehold,
	setAnswer,
	TallyError,
	type Household,
	type Tally,
} from '~/lib/tally';
import { onStoredChange } from '~/lib/stored-change';
import { STORAGE_KEY as TALLY_KEY, type StoredTally } from '~/lib/tally-store';

import { confirmClearDevice, showInAppBanner } from '../dom';
import type { TallyConfig } from './config';
import { fillItem, filter, item, renderBackup, renderSummary } from './render';
import { beforeImport, openTally, save } from './storage';
import type { Pending } from './files';

/** Said when a part of the page that loads on first use cannot load (offline before it was ever used). */
const NOT_LOADED = 'Phần này của trang chưa tải về máy. Hãy bật mạng một lần rồi bấm lại.';
const files = () => import('./files');
const print = () => import('./print');
/** The household editor (its grid is built on first use), once loaded. */
let editing: typeof import('./editor') | undefined;
/** The print module once loaded, so that the browser's own Print (menu, Ctrl+P) can fill the sheet at once. */
let printer: Awaited<ReturnType<typeof print>> | undefined;

export class GdsTally extends HTMLElement {
	config!: TallyConfig;
	tally!: StoredTally;
	readOnly = false;
	openId: string | null = null;
	pending: Pending | null = null;

	connectedCallback() {
		this.config = JSON.parse(this.querySelector('script[data-tally-config]')!.textContent!);
		this.load(true);
		this.#wire();
		showInAppBanner(this);
		// Another tab of this page may have changed the tally, or the back button showed a stale copy.
		onStoredChange((key) => key.startsWith(TALLY_KEY), () => this.#reload());
		// Leaving the page (back button, another app) keeps what is typed in the open household.
		window.addEventListener('pagehide', () => this.#keepEdits());
		document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && this.#keepEdits());
		// The paper sheet is drawn only when printing: 2,000 rows are too many to redraw on every tap.
		window.addEventListener('beforeprint', () => printer?.renderPrint(this, this.config, this.tally));
		this.renderAll();
		this.showRestore(!!beforeImport(this.config.criteria));
		// The tally takes input from now on: what is typed is kept (see data-app in TallyBook.astro).
		this.$('[data-app]').inert = false;
	}

	$<T extends HTMLElement = HTMLElement>(selector: string, root: ParentNode = this): T {
		return root.querySelector<T>(selector)!;
	}

	// ——— Storage ———

	load(first: boolean) {
		const opened = openTally(this.config.criteria);
		this.tally = opened.tally;
		this.readOnly = opened.readOnly;
		this.toggleAttribute('data-read-only', this.readOnly);
		if (first && opened.notices.length) this.#notice(opened.notices.join(' '));
	}

	#reload() {
		this.openId = null;
		this.load(false);
		this.renderAll();
	}

	save(tally: StoredTally): boolean {
		if (this.readOnly) {
			this.#notice('Sổ trên máy không sửa được bằng trang này (xem thông báo ở trên). Thay đổi chưa được lưu.');
			return false;
		}
		this.tally = tally;
		if (!save(tally)) {
			this.#notice('Không lưu được sổ trên máy này (bộ nhớ đầy hoặc trình duyệt chặn). Hãy gửi hoặc tải tệp CSV ngay để khỏi mất.');
			return false;
		}
		return true;
	}

	/** Applies a change made by the user: saved at once, and marked as not yet sent. */
	#change(next: Tally) {
		return this.save({ ...this.tally, ...next, changedSinceBackup: true });
	}

	#notice(text: string) {
		const p = this.$('[data-notice]');
		p.textContent = text;
		p.hidden = false;
	}

	// ——— Events ———

	#wire() {
		const select = this.querySelector<HTMLSelectElement>('[data-village-select]');
		select?.addEventListener('change', () => this.#setVillage(select.value));
		this.querySelector<HTMLInputElement>('[data-village-input]')?.addEventListener('change', (e) => this.#setVillage((e.target as HTMLInputElement).value));

		this.$<HTMLFormElement>('[data-add]').addEventListener('submit', (e) => {
			e.preventDefault();
			this.#add(e.currentTarget as HTMLFormElement);
		});
		this.$<HTMLInputElement>('[data-filter]').addEventListener('input', (e) => filter(this, (e.target as HTMLInputElement).value));
		this.$<HTMLInputElement>('[data-import]').addEventListener('change', (e) => this.#files((f) => f.importFile(this, e.target as HTMLInputElement)));

		this.addEventListener('click', (e) => {
			const target = e.target as HTMLElement;
			const toggle = target.closest<HTMLElement>('.household-toggle');
			if (toggle) return this.#toggle(toggle.closest('li')!.dataset.id!);
			const action = target.closest<HTMLElement>('[data-action]')?.dataset.action;
			if (action) this.#action(action);
		});
		this.addEventListener('change', (e) => {
			const input = e.target as HTMLInputElement;
			if (input.type === 'radio' && this.openId) this.#answer(input);
			else if (input.matches('.editor [data-field]')) this.#rename();
		});
	}

	#action(action: string) {
		const editor = this.querySelector<HTMLElement>('.editor');
		switch (action) {
			case 'send':
			case 'save-file':
				return this.#files((f) => f.send(this, action === 'send'));
			case 'file-seen':
				return this.backedUp('Đã ghi nhận: tệp có trong mục Tải xuống.');
			case 'print':
				return void this.#print();
			case 'import-yes':
				return this.#files((f) => f.applyImport(this));
			case 'import-no':
				this.pending = null;
				this.$('[data-import-confirm]').hidden = true;
				return this.message('Đã hủy. Sổ trên máy giữ nguyên.', false);
			case 'restore':
				return this.#files((f) => f.restore(this));
			case 'clear-device':
				// Asked at once, before any code loads: the answer never waits on the network.
				if (!confirmClearDevice()) return this.message('Đã hủy. Dữ liệu trên máy giữ nguyên.', false);
				return this.#files((f) => f.clearDevice(this));
			case 'close':
				return this.#toggle(this.openId!);
			case 'rest-dat':
				return this.#fillRest();
			case 'remove': {
				const household = this.#household(this.openId!)!;
				this.$('[data-remove-name]', editor!).textContent = householdLabel(household);
				this.$('[data-remove-confirm]', editor!).hidden = false;
				return this.$('[data-action=remove-yes]', editor!).focus();
			}
			case 'remove-no':
				return (this.$('[data-remove-confirm]', editor!).hidden = true);
			case 'remove-yes': {
				const id = this.openId!;
				this.openId = null;
				this.#change(removeHousehold(this.tally, id));
				this.querySelector(`li[data-id="${id}"]`)?.remove();
				this.#afterListChange();
				return this.$('[data-add] input').focus();
			}
		}
	}

	// ——— Changes ———

	#setVillage(name: string) {
		this.#change({ ...this.tally, village: name.replace(/\s+/g, ' ').trim() });
		this.#renderVillage();
	}

	async #add(form: HTMLFormElement) {
		const message = this.$('[data-add-message]', form);
		const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
		let readAs: string | undefined;
		const code = field('code').trim();
		// Reading a typed code (and what a Vietnamese keyboard did to it) loads with the first code.
		const reader = code ? await import('~/lib/typed-code').catch(() => undefined) : undefined;
		if (code && !reader) return void (message.textContent = NOT_LOADED);
		try {
			const typed = reader?.readTypedCode(this.config.criteria, code);
			readAs = typed?.readAs;
			if (!this.#change(addHousehold(this.tally, field('name'), field('houseNumber'), typed?.answers ?? {}))) return;
		} catch (error) {
			if (!(error instanceof TallyError || error instanceof ShortCodeError)) throw error;
			delete message.dataset.kind;
			message.textContent = error instanceof ShortCodeError ? `Chưa thêm hộ: ${error.message}` : error.message;
			return;
		}
		const added = this.tally.households.at(-1)!;
		form.reset();
		this.$('[data-households]').append(item(this.config, added));
		this.#afterListChange();
		if (Object.keys(added.answers).length) {
			// Filled from its code: ready for the next household straight away.
			message.dataset.kind = 'ok';
			message.textContent =
				`Đã thêm hộ ${householdLabel(added)} và điền ${this.config.criteria.length} tiêu chí theo mã` +
				(readAs ? ` (đọc là ${readAs}, vì bộ gõ tiếng Việt đã đổi chữ).` : '.');
			return this.$<HTMLInputElement>('input[name=houseNumber]', form).focus();
		}
		message.textContent = '';
		delete message.dataset.kind;
		this.#toggle(added.id);
	}

	#answer(input: HTMLInputElement) {
		const row = input.closest<HTMLElement>('[data-criterion]')!;
		if (!this.#change(setAnswer(this.tally, this.config.criteria, this.openId!, row.dataset.criterion!, input.value as AnswerState))) return;
		this.#afterAnswers();
		// The focus moves on by itself to the next criterion not yet chosen, then to "Xong".
		const rows = [...this.querySelectorAll<HTMLElement>('.editor [data-criterion]')];
		const answers = this.#household(this.openId!)!.answers;
		const next = [...rows.slice(rows.indexOf(row) + 1), ...rows].find((r) => !(r.dataset.criterion! in answers));
		const target = next ? next.querySelector<HTMLInputElement>('input')! : this.$('.editor [data-action=close]');
		target.focus({ preventScroll: true });
		(next ?? target).scrollIntoView({ block: 'nearest' });
	}

	/** "Đạt cho các tiêu chí còn trống": one tap for the criteria not yet chosen. */
	#fillRest() {
		let tally: Tally = this.tally;
		const h = this.#household(this.openId!)!;
		for (const c of this.config.criteria) if (!(c.id in h.answers)) tally = setAnswer(tally, this.config.criteria, h.id, c.id, 'dat');
		if (!this.#change(tally)) return;
		editing!.fillEditor(this.$('.editor'), this.#household(this.openId!)!);
		this.#afterAnswers();
		this.$('.editor [data-action=close]').focus();
	}

	/** Saves the open household's house number and name as typed; false (and a message) when they cannot be kept. */
	#rename(): boolean {
		const editor = this.querySelector<HTMLElement>('.editor');
		if (!editor || !this.openId) return true;
		const value = (f: string) => this.$<HTMLInputElement>(`[data-field=${f}]`, editor).value;
		const h = this.#household(this.openId)!;
		const message = this.$('[data-editor-message]', editor);
		try {
			const next = renameHousehold(this.tally, this.openId, value('name'), value('houseNumber'));
			const after = next.households.find((x) => x.id === h.id)!;
			if (after.name === h.name && after.houseNumber === h.houseNumber) return true;
			if (!this.#change(next)) return false;
		} catch (error) {
			if (!(error instanceof TallyError)) throw error;
			message.textContent = `${error.message} Chưa lưu số nhà và tên mới.`;
			return false;
		}
		message.textContent = 'Đã lưu số nhà và tên.';
		this.#afterAnswers();
		return true;
	}

	#keepEdits() {
		if (this.openId) this.#rename();
	}

	// ——— Files ———

	/** Runs what needs the file code (send, save, open, restore, clear), loading it first. */
	#files(run: (loaded: Awaited<ReturnType<typeof files>>) => unknown) {
		void files().then(run, () => this.message(NOT_LOADED, true));
	}

	/** Loads the sheet (code, heading and pictograms) once there is something to print. */
	async #loadPrint(): Promise<boolean> {
		const loaded = await print().catch(() => undefined);
		if (!loaded || !(await loaded.loadSheet(this.$('[data-print-sheet]'), this.config))) return false;
		printer = loaded;
		return true;
	}

	async #print() {
		if (!(await this.#loadPrint())) return this.message(NOT_LOADED, true);
		window.print();
	}

	backedUp(text: string) {
		this.$('[data-file-seen]').hidden = true;
		this.save({ ...this.tally, lastBackup: new Date().toISOString(), changedSinceBackup: false });
		renderBackup(this, this.tally);
		this.message(text, false);
	}

	showRestore(show: boolean) {
		this.$('[data-restore]').hidden = !show;
	}

	message(text: string, error: boolean) {
		const box = this.$('[data-import-message]');
		box.replaceChildren(...text.split('\n').map((line) => Object.assign(document.createElement('p'), { textContent: line })));
		box.dataset.kind = error ? 'error' : 'ok';
	}

	// ——— Drawing ———

	#household(id: string): Household | undefined {
		return this.tally.households.find((h) => h.id === id);
	}

	renderAll() {
		this.#renderVillage();
		this.$('[data-households]').replaceChildren(...this.tally.households.map((h) => item(this.config, h)));
		this.#afterListChange();
	}

	#afterListChange() {
		const count = this.tally.households.length;
		// A tally in use (with households) loads the table by criterion, and its printed sheet in the
		// background; a first visit to an empty tally carries neither.
		if (count && !this.querySelector('[data-criteria-table] table'))
			void import('./criteria-table').then(
				(m) => {
					m.buildCriteriaTable(this.$('[data-criteria-table]'), this.config);
					renderSummary(this, this.config, this.tally);
				},
				() => {}
			);
		if (count && !printer) void this.#loadPrint();
		this.$('[data-empty]').hidden = count > 0;
		this.$('[data-filter-label]').hidden = count < 8;
		filter(this, this.$<HTMLInputElement>('[data-filter]').value);
		renderSummary(this, this.config, this.tally);
		renderBackup(this, this.tally);
	}

	#afterAnswers() {
		const li = this.querySelector<HTMLElement>(`li[data-id="${this.openId}"]`);
		const household = this.#household(this.openId!);
		if (li && household) {
			fillItem(this.config, li, household);
			const editor = li.querySelector<HTMLElement>('.editor');
			if (editor) editing?.editorProgress(editor, household);
		}
		renderSummary(this, this.config, this.tally);
		renderBackup(this, this.tally);
	}

	#renderVillage() {
		const { village } = this.tally;
		const select = this.querySelector<HTMLSelectElement>('[data-village-select]');
		const typed = this.querySelector<HTMLInputElement>('[data-village-input]');
		if (select) {
			// A village outside the commune's list (from an older file) is shown as it is, to be corrected.
			if (village && ![...select.options].some((o) => o.value === village)) select.add(new Option(`${village} (không có trong danh sách của xã)`, village));
			select.value = village;
		}
		if (typed) typed.value = village;
	}

	/** Opens one household's answers below its name, closing any other, or closes it; the edits are kept either way. */
	async #toggle(id: string) {
		const previous = this.openId;
		if (previous) {
			// A house number that cannot be kept (e.g. the same as another household's) keeps the editor open to be fixed.
			if (!this.#rename()) return this.$<HTMLInputElement>('.editor [data-field=houseNumber]').focus();
			const li = this.querySelector(`li[data-id="${previous}"]`);
			li?.querySelector('.editor')?.remove();
			li?.querySelector('.household-toggle')?.setAttribute('aria-expanded', 'false');
			this.openId = null;
			if (previous === id) return (li?.querySelector('.household-toggle') as HTMLElement | null)?.focus();
		}
		editing ??= await import('./editor').catch(() => undefined);
		if (!editing) return this.#notice(NOT_LOADED);
		const li = this.querySelector<HTMLElement>(`li[data-id="${id}"]`);
		if (!li || this.openId) return;
		const editor = editing.newEditor(this.config);
		this.openId = id;
		editing.fillEditor(editor, this.#household(id)!);
		li.append(editor);
		li.querySelector('.household-toggle')!.setAttribute('aria-expanded', 'true');
		editor.focus({ preventScroll: true });
		li.scrollIntoView({ block: 'start' });
	}
}

customElements.define('gds-tally', GdsTally);
