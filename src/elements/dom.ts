/** Small browser helpers shared by the village tally, the commune summary and "Gia đình tôi". */

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * Hands text to the browser as a file download. The browser does not say whether the file was
 * really saved (in-app browsers often refuse), so callers never say "saved" on its strength alone.
 */
export function download(name: string, text: string, type = 'text/csv;charset=utf-8') {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = Object.assign(document.createElement('a'), { href: url, download: name });
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type Shared = 'shared' | 'cancelled' | 'unsupported';

/** Opens the phone's share sheet with a file (to Zalo, e-mail …); 'unsupported' where files cannot be shared. */
export async function shareFile(name: string, text: string, type: string, title: string): Promise<Shared> {
	const file = new File([text], name, { type });
	if (!navigator.canShare?.({ files: [file] })) return 'unsupported';
	try {
		await navigator.share({ files: [file], title });
		return 'shared';
	} catch (error) {
		return (error as DOMException)?.name === 'AbortError' ? 'cancelled' : 'unsupported';
	}
}

/** Zalo's, Facebook's or Messenger's own browser inside the app, where downloads, sharing files and printing often do not work. */
export function inAppBrowser(ua = navigator.userAgent): string | undefined {
	if (/Zalo/i.test(ua)) return 'Zalo';
	if (/FBAN|FBAV|FB_IAB|Messenger/i.test(ua)) return 'Facebook';
	return undefined;
}

/** Shows the page's "open in Chrome" banner when running inside an app's browser. */
export function showInAppBanner(root: ParentNode) {
	const app = inAppBrowser();
	const banner = root.querySelector<HTMLElement>('[data-in-app]');
	if (!app || !banner) return;
	banner.querySelector('[data-app-name]')!.textContent = app;
	banner.hidden = false;
}

/** Fills a list with one <li> per line of text. */
export function fillList(list: Element, lines: string[]) {
	list.replaceChildren(...lines.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
}

/** "Xóa dữ liệu trên máy này" after a confirmation; returns whether it was done. */
export function confirmClearDevice(): boolean {
	return confirm(
		'Xóa mọi dữ liệu của trang “Gia đình số” trên máy này: câu trả lời của gia đình, sổ theo dõi của Tổ và các bản giữ riêng? Xóa rồi thì không lấy lại được, trừ khi đã có tệp sao lưu.'
	);
}
