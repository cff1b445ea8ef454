/** "Lưu để dùng khi không có mạng" (markup in src/components/OfflineSave.astro). */
import { fetchBundle, kb, offlineState, saveForOffline } from '~/lib/offline-client';

class GdsOfflineSave extends HTMLElement {
	connectedCallback() {
		const base = this.dataset.base!;
		const button = this.querySelector<HTMLButtonElement>('.save')!;
		const pdfs = this.querySelector<HTMLInputElement>('.pdfs')!;
		const status = this.querySelector<HTMLElement>('.status')!;
		if (!('caches' in window) || !('serviceWorker' in navigator)) {
			status.textContent = 'Trình duyệt này không lưu được trang để dùng khi không có mạng.';
			button.disabled = true;
			return;
		}
		// Stored pages older than the site are refreshed by the service worker on its own (src/sw/sw.ts):
		// the household presses "Lưu" once.
		offlineState().then((state) => {
			if (!state?.saved) return;
			pdfs.checked = state.saved.pdfs;
			if (!status.textContent) status.textContent = `Đã lưu ngày ${new Date(state.saved.at).toLocaleDateString('vi-VN')}.`;
		});
		button.addEventListener('click', async () => {
			button.disabled = true;
			status.textContent = 'Đang chuẩn bị…';
			try {
				const bundle = await fetchBundle(base);
				const total = bundle.bytes.pages + bundle.bytes.search + bundle.bytes.assets + (pdfs.checked ? bundle.bytes.pdfs : 0);
				await saveForOffline(bundle, pdfs.checked, (done, all) => {
					status.textContent = `Đang lưu ${done}/${all}…`;
				});
				status.textContent = `Đã lưu (≈ ${kb(total)}). Khi không có mạng, bà con vẫn mở được các bài và tìm kiếm.`;
			} catch (error) {
				// Whatever was stored before stays usable: each stored page keeps its own files.
				status.textContent =
					(error as DOMException)?.name === 'QuotaExceededError'
						? 'Chưa lưu hết được: bộ nhớ điện thoại đã đầy. Các trang đã lưu trước vẫn dùng được. Bà con xóa bớt ảnh, video rồi bấm lại.'
						: 'Chưa lưu được: mạng yếu hoặc mất mạng. Bà con thử lại khi có sóng.';
			} finally {
				button.disabled = false;
			}
		});
	}
}
customElements.define('gds-offline-save', GdsOfflineSave);
