/** Service worker, "new version" prompt, and the menu without Popover (markup in the Footer override). */
import { registerServiceWorker } from '~/lib/sw-register';
import { installMenuFallback } from '~/lib/popover-fallback';

installMenuFallback();

class GdsOffline extends HTMLElement {
	connectedCallback() {
		const button = this.querySelector<HTMLButtonElement>('.update')!;
		const sw = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
		// Pages stored on this phone: say so if they could not be refreshed (src/sw/sw.ts).
		if (sw?.controller) import('./offline-state').then((m) => m.watchOfflineState(this.querySelector<HTMLElement>('.note')!, sw));
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
