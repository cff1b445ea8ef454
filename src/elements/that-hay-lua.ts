/**
 * The score of "Thật hay lừa?" (markup in src/pages/that-hay-lua.astro). The page works without it:
 * an answer reveals its explanation by CSS alone. This keeps the first answers on the phone, shows
 * them again on the next visit, and lets the reader start over.
 */
import { answer, parseAnswers, PRACTICE_KEY, score, scoreText, type FirstAnswers, type Verdict } from '~/lib/practice-score';

class GdsThatHayLua extends HTMLElement {
	#answers: FirstAnswers = {};

	connectedCallback() {
		const truth = Object.fromEntries(
			[...this.querySelectorAll<HTMLElement>('[data-scenario]')].map((el) => [el.dataset.scenario!, el.dataset.answer as Verdict])
		);
		const box = this.querySelector<HTMLElement>('.score')!;
		const text = box.querySelector<HTMLElement>('.score-text')!;
		const render = () => (text.textContent = scoreText(score(this.#answers, truth)));
		this.#answers = parseAnswers(this.#read());
		for (const [id, verdict] of Object.entries(this.#answers)) {
			const input = this.querySelector<HTMLInputElement>(`input[name="${CSS.escape(id)}"][value="${verdict}"]`);
			if (input) input.checked = true;
		}
		box.hidden = false;
		render();
		this.addEventListener('change', (e) => {
			const input = e.target as HTMLInputElement;
			if (input.type !== 'radio' || !(input.name in truth)) return;
			this.#answers = answer(this.#answers, input.name, input.value as Verdict);
			this.#write(JSON.stringify(this.#answers));
			render();
		});
		box.querySelector('button')!.addEventListener('click', () => {
			this.#answers = {};
			this.#write(null);
			for (const input of this.querySelectorAll<HTMLInputElement>('input[type=radio]')) input.checked = false;
			render();
			this.querySelector<HTMLElement>('[data-scenario]')?.scrollIntoView();
		});
	}

	// Private browsing or a full phone: the page still works, only the score is not kept.
	#read() {
		try {
			return localStorage.getItem(PRACTICE_KEY);
		} catch {
			return null;
		}
	}
	#write(value: string | null) {
		try {
			if (value === null) localStorage.removeItem(PRACTICE_KEY);
			else localStorage.setItem(PRACTICE_KEY, value);
		} catch {
			/* not kept */
		}
	}
}
customElements.define('gds-that-hay-lua', GdsThatHayLua);
