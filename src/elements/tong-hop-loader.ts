/**
 * "Tổng hợp của xã" first shows only a file picker: the report's code (reading CSV files, merging
 * villages, the tables, the chart, the export) loads when the office picks files. It is one of
 * the _astro files the offline save stores, so it also loads without signal once saved.
 */
const NOT_LOADED = 'Phần đọc tệp của trang chưa tải về máy. Hãy bật mạng một lần rồi chọn lại tệp.';
const element = document.querySelector<HTMLElement>('gds-tong-hop');
const input = element?.querySelector<HTMLInputElement>('[data-files]');
if (element && input) {
	const load = async () => {
			try {
				await import('./tong-hop');
			} catch {
				const box = element.querySelector<HTMLElement>('[data-load-message]')!;
				box.dataset.kind = 'error';
				box.textContent = NOT_LOADED;
				input.value = '';
				return;
			}
			// <gds-tong-hop> is now defined and listens to the picker itself: it reads the chosen files.
			input.removeEventListener('change', load);
			input.dispatchEvent(new Event('change'));
	};
	input.addEventListener('change', load);
}
