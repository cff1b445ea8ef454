/** The search button and dialog (markup in src/components/overrides/Search.astro). */

class GdsSearch extends HTMLElement {
	connectedCallback() {
		const dialog = this.querySelector('dialog')!;
		const input = this.querySelector('input')!;
		const status = this.querySelector<HTMLElement>('.status')!;
		const list = this.querySelector<HTMLOListElement>('.results')!;
		const more = this.querySelector<HTMLElement>('.more')!;
		const hint = this.querySelector<HTMLElement>('.hint')!;
		const base = this.dataset.base!;
		const open = () => {
			dialog.showModal();
			input.focus();
		};
		this.querySelector('button.open')!.addEventListener('click', open);
		this.querySelector('.close')!.addEventListener('click', () => dialog.close());
		// Close when the backdrop (outside the frame) is tapped.
		dialog.addEventListener('click', (e) => e.target === dialog && dialog.close());
		this.querySelector('form')!.addEventListener('submit', (e) => e.preventDefault());
		// The search code itself (ranking, Pagefind's loader) arrives only once someone types. Each
		// search waits for a pause in typing: typed key by key, only the words at a pause are looked up.
		let timer: ReturnType<typeof setTimeout> | undefined;
		const client = () => import('~/lib/search-client');
		input.addEventListener('input', () => {
			clearTimeout(timer);
			void client();
			timer = setTimeout(async () => (await client()).runSearch(base, input.value, { status, hint, list, more }), 300);
		});
		window.addEventListener('keydown', (e) => {
			if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
				e.preventDefault();
				open();
			}
		});
	}
}
customElements.define('gds-search', GdsSearch);
