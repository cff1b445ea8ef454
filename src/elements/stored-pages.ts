/** The list of stored pages on the offline page (src/pages/offline.astro). */
import { storedPages } from '~/lib/offline-client';

class GdsStoredPages extends HTMLElement {
	async connectedCallback() {
		const pages = await storedPages().catch(() => []);
		if (!pages.length) return;
		this.querySelector('.empty')!.remove();
		this.querySelector('ul')!.replaceChildren(
			...pages.map(({ url, title }) => {
				const li = document.createElement('li');
				const a = document.createElement('a');
				a.href = url;
				a.textContent = title;
				li.append(a);
				return li;
			})
		);
	}
}
customElements.define('gds-stored-pages', GdsStoredPages);
