/** "Lưu để dùng khi không có mạng" (markup in src/components/OfflineSave.astro). */
import { fetchBundle, kb, saveForOffline, savedState } from '~/lib/offline-client';

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
		const saved = savedState();
		if (saved) {
			pdfs.checked = saved.pdfs;
			status.textContent = `Đã lưu ngày ${new Date(saved.at).toLocaleDateString('vi-VN')}.`;
			fetchBundle(base)
				.then((bundle) => {
					if (bundle.version !== saved.version) status.textContent = 'Bản đã lưu đã cũ. Bấm nút để lưu bản mới.';
				})
				.catch(() => {});
		}
		button.addEventListener('click', async () => {
			button.disabled = true;
			status.textContent = 'Đang chuẩn bị…';
			try {
				const bundle = await fetchBundle(base);
				const total = bundle.bytes.pages + bundle.bytes.search + (pdfs.checked ? bundle.bytes.pdfs : 0);
				await saveForOffline(bundle, pdfs.checked, (done, all) => {
					status.textContent = `Đang lưu ${done}/${all}…`;
				});
				status.textContent = `Đã lưu (≈ ${kb(total)}). Khi không có mạng, bà con vẫn mở được các bài và tìm kiếm.`;
			} catch {
				status.textContent = 'Chưa lưu được: mạng yếu hoặc mất mạng. Bà con thử lại khi có sóng.';
			} finally {
				button.disabled = false;
			}
		});
	}
}
customElements.define('gds-offline-save', GdsOfflineSave);
