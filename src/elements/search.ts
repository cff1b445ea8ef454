/** The search button and dialog (markup in src/components/overrides/Search.astro). */

class GdsSearch extends HTMLElement {
	connectedCallback() {
		const dialog = this.querySelector('dialog')!;
		const input = this.querySelector('input')!;
		const status = this.querySelector<HTMLElement>('.status')!;
		const list = this.querySelector<HTMLOListElement>('.results')!;
		const base = this.dataset.base!;
		const open = () => {
			dialog.showModal();
			input.focus();
		};
		this.querySelector('.open')!.addEventListener('click', open);
		this.querySelector('.close')!.addEventListener('click', () => dialog.close());
		// Close when the backdrop (outside the frame) is tapped.
		dialog.addEventListener('click', (e) => e.target === dialog && dialog.close());
		this.querySelector('form')!.addEventListener('submit', (e) => e.preventDefault());
		// The search code itself (ranking, Pagefind's loader) arrives only once someone types.
		input.addEventListener('input', async () => (await import('~/lib/search-client')).runSearch(base, input.value, status, list));
		window.addEventListener('keydown', (e) => {
			if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
				e.preventDefault();
				open();
			}
		});
	}
}
customElements.define('gds-search', GdsSearch);
