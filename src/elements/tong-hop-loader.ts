/**
 * "Tổng hợp của xã" first shows only a file picker: the report's code (reading CSV files, merging
 * villages, the tables, the chart, the export) loads when the office picks files. It is one of
 * the _astro files the offline save stores, so it also loads without signal once saved.
 */
const NOT_LOADED = 'Phần đọc tệp của trang chưa tải về máy. Hãy bật mạng một lần rồi chọn lại tệp.';
const element = document.querySelector<HTMLElement>('gds-tong-hop');
const input = element?.querySelector<HTMLInputElement>('[data-files]');
if (element && input) {
	// Files picked while the code is still loading (a second tap on a slow phone) are kept, batch by
	// batch, and handed over in order once it has loaded: none is lost, none is read twice.
	const waiting: File[][] = [];
	let loading: Promise<void> | undefined;
	const load = () => {
		waiting.push([...(input.files ?? [])]);
		loading ??= import('./tong-hop').then(
			() => {
				// <gds-tong-hop> is now defined and listens to the picker itself: it reads the chosen files.
				input.removeEventListener('change', load);
				for (const batch of waiting.splice(0)) {
					const chosen = new DataTransfer();
					for (const file of batch) chosen.items.add(file);
					input.files = chosen.files;
					input.dispatchEvent(new Event('change'));
				}
			},
			() => {
				loading = undefined;
				waiting.length = 0;
				const box = element.querySelector<HTMLElement>('[data-load-message]')!;
				box.dataset.kind = 'error';
				box.textContent = NOT_LOADED;
				input.value = '';
			}
		);
	};
	input.addEventListener('change', load);
	// Files picked before this script ran (scripts load after the page's first paint, a second or two
	// on a slow link): the browser does not put files back into a picker on its own, so these were
	// just chosen, and they are read now.
	if (input.files?.length) load();
}
