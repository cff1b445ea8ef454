/** Service worker, "new version" prompt, and the menu without Popover (markup in the Footer override). */
import { registerServiceWorker } from '~/lib/sw-register';
import { installMenuFallback } from '~/lib/popover-fallback';

installMenuFallback();

class GdsOffline extends HTMLElement {
	connectedCallback() {
		const button = this.querySelector<HTMLButtonElement>('.update')!;
		registerServiceWorker(this.dataset.base!, (activate) => {
			button.hidden = false;
			button.onclick = () => {
				button.disabled = true;
				activate();
			};
		}).catch(() => {
			// Without a service worker the site still works online.
		});
	}
}
customElements.define('gds-offline', GdsOffline);
