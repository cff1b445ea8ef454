/** "Gia đình tôi đã làm được" on a lesson (markup in src/components/LessonDone.astro). */
import { progress, type Answers, type AnswerState, type CriterionRef, parseRefs } from '~/lib/answers';
import { browserStorage, loadHousehold, NOTICES, progressText, saveHousehold, onHouseholdChange } from '~/lib/household-store';

class GdsLessonDone extends HTMLElement {
	#criteria: CriterionRef[] = [];
	#answers: Answers = {};
	#storage = browserStorage();

	connectedCallback() {
		this.#criteria = parseRefs(this.dataset.criteria!);
		const fieldset = this.querySelector('fieldset')!;
		fieldset.hidden = false;
		fieldset.addEventListener('change', (e) => {
			const input = e.target as HTMLInputElement;
			// Read again first: the checklist may have changed other answers in another tab.
			this.#answers = loadHousehold(this.#storage, this.#criteria).answers;
			this.#answers[this.dataset.criterion!] = input.value as AnswerState;
			if (!saveHousehold(this.#storage, this.#criteria, this.#answers)) this.#notice(NOTICES.notSaved);
			this.#render();
		});
		this.#load(true);
		onHouseholdChange(() => this.#load(false));
	}

	#load(showNotice: boolean) {
		const loaded = loadHousehold(this.#storage, this.#criteria);
		this.#answers = loaded.answers;
		if (showNotice && loaded.notice) this.#notice(loaded.notice);
		const state = this.#answers[this.dataset.criterion!];
		for (const input of this.querySelectorAll<HTMLInputElement>('input[type=radio]')) input.checked = input.value === state;
		this.#render();
	}

	#notice(text: string) {
		const p = this.querySelector<HTMLElement>('.notice')!;
		p.textContent = text;
		p.hidden = false;
	}

	#render() {
		this.querySelector('.progress')!.textContent = `cả nhà ${progressText(progress(this.#criteria, this.#answers))}`;
	}
}
customElements.define('gds-lesson-done', GdsLessonDone);
