/**
 * The notice when the stored pages could not be refreshed (markup in the Footer override). Loaded
 * only on a phone where the service worker already controls the page: a first visit never needs it.
 */
import { readState, type OfflineState } from '~/lib/offline-shared';

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
		return `Chưa cập nhật được các trang đã lưu vì trang web đang thiếu tệp ${decodeURI(new URL(failed.url ?? '', location.href).pathname.split('/').filter(Boolean).pop() ?? '')}. Các trang cũ vẫn mở được khi không có mạng. Máy sẽ tự thử lại sau.`;
	return '';
}

export function watchOfflineState(note: HTMLElement, sw: ServiceWorkerContainer) {
	const text = note.querySelector('p')!;
	const show = (state: OfflineState | undefined) => {
		text.textContent = notice(state);
		note.hidden = !text.textContent || sessionStorage.getItem('gds:note-seen') === text.textContent;
	};
	note.querySelector('button')!.onclick = () => {
		sessionStorage.setItem('gds:note-seen', text.textContent ?? '');
		note.hidden = true;
	};
	sw.addEventListener('message', (event) => event.data?.type === 'gds-offline-state' && show(event.data.state));
	readState()
		.then((state) => {
			show(state);
			// The last refresh of the stored pages failed: online again, try again.
			if (state?.failed && navigator.onLine) sw.controller?.postMessage({ type: 'REFRESH' });
		})
		.catch(() => {});
}
