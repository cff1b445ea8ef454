/**
 * <gds-household>: "Gia đình tôi". Fills in the saved answers, the progress and the short code
 * (only once every criterion is answered: until then "còn N tiêu chí chưa trả lời"), saves each
 * tap, shares the code with the team leader, prints the household's sheet, and moves the answers
 * to and from a file: opening a file shows what it would change and asks, and the answers it
 * replaced come back with one tap. A record saved by a newer version of the page is shown, never
 * written over.
 */
import { progress, type Answers, type AnswerState, type CriterionRef, parseRefs } from '~/lib/answers';
import { browserStorage, loadHousehold, NOTICES, progressText, saveHousehold, onHouseholdChange } from '~/lib/household-store';
import { encodeShortCode, formatShortCode } from '~/lib/shortcode';

import { showInAppBanner } from './dom';

// The file, restore and clearing code loads only when used, so the first visit stays small. The DOM
// helpers are in the household file already (shared with the village tally, see astro.config.mjs).
const tools = () => import('./household-tools');
/** Kept in step with ~/lib/household-file (not imported here, to keep it out of the first visit). */
const BEFORE_IMPORT_KEY = 'gia-dinh-so:gia-dinh-toi:truoc-khi-mo-tep';
const IN_APP = /Zalo|FBAN|FBAV|FB_IAB|Messenger/i;
const NOT_LOADED = 'Phần này của trang chưa tải về máy. Hãy bật mạng một lần rồi bấm lại.';

export class GdsHousehold extends HTMLElement {
	#criteria: CriterionRef[] = [];
	#answers: Answers = {};
	#storage = browserStorage();
	#readOnly = false;

	connectedCallback() {
		this.#criteria = parseRefs(this.dataset.criteria!);
		// Answers tapped before this script ran (scripts load after the page's first paint, a second or
		// two on a slow link). The form does not get old answers back from the browser
		// (autocomplete="off"), so a checked button here was tapped just now: it is saved, not lost.
		const early = [...this.querySelectorAll<HTMLInputElement>('form input[type=radio]:checked')].filter((i) => !i.defaultChecked);
		this.querySelector('form')!.addEventListener('change', (e) => this.#answer(e.target as HTMLInputElement));
		this.#setUpTools();
		this.#load(true);
		for (const input of early) {
			input.checked = true;
			this.#answer(input);
		}
		onHouseholdChange(() => this.#load(false));
		if (IN_APP.test(navigator.userAgent)) showInAppBanner(this);
	}

	$<T extends HTMLElement = HTMLElement>(selector: string): T {
		return this.querySelector<T>(selector)!;
	}

	#load(showNotice: boolean) {
		const loaded = loadHousehold(this.#storage, this.#criteria);
		this.#answers = loaded.answers;
		this.#readOnly = !!loaded.newer;
		if (showNotice && loaded.notice) this.#notice(loaded.notice);
		this.#fill();
		this.#render();
	}

	#answer(input: HTMLInputElement) {
		if (input.type !== 'radio') return;
		if (this.#readOnly) {
			this.#notice(NOTICES.newerRecord);
			return this.#fill();
		}
		this.#answers[input.name] = input.value as AnswerState;
		if (!saveHousehold(this.#storage, this.#criteria, this.#answers)) this.#notice(NOTICES.notSaved);
		this.#render();
	}

	#notice(text: string) {
		const p = this.$('.notice');
		p.textContent = text;
		p.hidden = false;
	}

	/** Puts the saved answers into the radio buttons. */
	#fill() {
		for (const input of this.querySelectorAll<HTMLInputElement>('form input[type=radio]')) input.checked = this.#answers[input.name] === input.value;
	}

	#unanswered(): number {
		return this.#criteria.filter((c) => !(c.id in this.#answers)).length;
	}

	/** Progress, short code and the "xem bài học" links, from the answers. */
	#render() {
		const set = (key: string, refs: CriterionRef[]) => {
			const el = this.querySelector(`[data-progress="${key}"]`);
			if (el) el.textContent = progressText(progress(refs, this.#answers));
		};
		set('all', this.#criteria);
		for (const group of new Set(this.#criteria.map((c) => c.group))) set(group, this.#criteria.filter((c) => c.group === group));
		for (const fieldset of this.querySelectorAll<HTMLElement>('fieldset[data-criterion]')) {
			const state = this.#answers[fieldset.dataset.criterion!];
			fieldset.dataset.state = state ?? '';
			const todo = fieldset.querySelector<HTMLElement>('.todo');
			if (todo) todo.hidden = state === 'dat' || state === 'khong-ap-dung';
		}
		const left = this.#unanswered();
		const code = this.$('.code');
		code.hidden = false;
		// A code cannot tell "chưa trả lời" from "chưa đạt": it is given only once everything is answered.
		this.$('.code-value').textContent = left ? '' : formatShortCode(encodeShortCode(this.#criteria, this.#answers));
		this.$('.code-left').textContent = left ? `Còn ${left} tiêu chí chưa trả lời. Trả lời hết thì có mã để đọc cho Tổ trưởng.` : '';
		this.$('.code-hint').hidden = !!left;
		this.$<HTMLButtonElement>('[data-action=share-code]').hidden = !!left;
	}

	#status(text: string) {
		this.$('.tools-status').textContent = text;
	}

	async #shareCode() {
		const code = formatShortCode(encodeShortCode(this.#criteria, this.#answers));
		const text = `Mã “Gia đình số” của nhà tôi: ${code}`;
		const status = this.$('.share-status');
		try {
			if (navigator.share) {
				await navigator.share({ text });
				status.textContent = 'Đã mở phần chia sẻ. Chọn Zalo hoặc tin nhắn để gửi cho Tổ trưởng.';
				return;
			}
		} catch (error) {
			if ((error as DOMException)?.name === 'AbortError') return void (status.textContent = 'Chưa gửi mã.');
		}
		try {
			await navigator.clipboard.writeText(text);
			status.textContent = `Đã chép “${text}”. Mở Zalo, dán vào tin nhắn gửi Tổ trưởng.`;
		} catch {
			status.textContent = `Máy không chép được. Hãy đọc mã ${code} cho Tổ trưởng.`;
		}
	}

	#setUpTools() {
		this.$('.tools').hidden = false;
		this.$('.actions-top').hidden = false;
		this.addEventListener('click', (e) => {
			const action = (e.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
			if (action === 'share-code') return void this.#shareCode();
			if (action === 'print') return window.print();
			// Files, restoring and clearing load their code when first used.
			if (action) void tools().then((t) => t.act(this, action), () => this.#status(NOT_LOADED));
		});
		const picker = this.$<HTMLInputElement>('.tools input[type=file]');
		picker.addEventListener('change', () => void tools().then((t) => t.open(this, picker), () => this.#status(NOT_LOADED)));
		if (localStorage.getItem(BEFORE_IMPORT_KEY)) this.$('[data-action=restore]').hidden = false;
	}

	// ——— What ./household-tools needs ———

	get criteria() {
		return this.#criteria;
	}
	get answers(): Answers {
		return this.#answers;
	}
	get storage() {
		return this.#storage;
	}
	get readOnly() {
		return this.#readOnly;
	}
	/** Replaces every answer (a file opened, the old answers brought back, everything cleared) and saves them. */
	replace(answers: Answers, save = true) {
		this.#answers = answers;
		if (save && !saveHousehold(this.#storage, this.#criteria, this.#answers)) this.#notice(NOTICES.notSaved);
		this.#fill();
		this.#render();
	}
	reload() {
		this.#load(false);
	}
	status(text: string) {
		this.#status(text);
	}
	notice(text: string) {
		this.#notice(text);
	}
}
customElements.define('gds-household', GdsHousehold);
