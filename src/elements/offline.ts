/** Service worker, "new version" prompt, and the menu without Popover (markup in the Footer override). */
import { registerServiceWorker } from '~/lib/sw-register';
import { installMenuFallback } from '~/lib/popover-fallback';
import { readState, type OfflineState } from '~/lib/offline-shared';

installMenuFallback();

/**
 * Said only when the household has something to know: an automatic refresh of the stored pages
 * failed in a way that will not pass by itself. A weak signal is not worth a word: the service
 * worker simply tries again the next time a page opens online.
 */
function notice(state: OfflineState | undefined): string {
	const failed = state?.failed;
	if (failed?.reason === 'quota')
		return 'Chưa cập nhật được các trang đã lưu vì bộ nhớ điện thoại đã đầy. Các trang cũ vẫn mở được khi không có mạng. Bà con xóa bớt ảnh, video rồi mở lại trang này khi có mạng.';
	if (failed?.reason === 'missing')
		return `Chưa cập nhật được các trang đã lưu vì trang web đang thiếu tệp ${decodeURI(new URL(failed.url ?? '', location.href).pathname.split('/').pop() ?? '')}. Các trang cũ vẫn mở được khi không có mạng. Máy sẽ tự thử lại sau.`;
	return '';
}

class GdsOffline extends HTMLElement {
	connectedCallback() {
		const button = this.querySelector<HTMLButtonElement>('.update')!;
		const note = this.querySelector<HTMLElement>('.note')!;
		const show = (state: OfflineState | undefined) => {
			note.querySelector('p')!.textContent = notice(state);
			note.hidden = !notice(state) || sessionStorage.getItem('gds:note-seen') === notice(state);
		};
		note.querySelector('button')!.onclick = () => {
			sessionStorage.setItem('gds:note-seen', notice(undefined) || note.querySelector('p')!.textContent!);
			note.hidden = true;
		};
		const sw = 'serviceWorker' in navigator ? navigator.serviceWorker : undefined;
		sw?.addEventListener('message', (event) => event.data?.type === 'gds-offline-state' && show(event.data.state));
		if (sw?.controller)
			readState()
				.then((state) => {
					show(state);
					// The last refresh of the stored pages failed: online again, try again.
					if (state?.failed && navigator.onLine) sw.controller?.postMessage({ type: 'REFRESH' });
				})
				.catch(() => {});
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
