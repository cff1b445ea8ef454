/** The share button of a lesson (markup in src/components/LessonShare.astro). */
/** Copies with the Clipboard API, or with the older select-and-copy where that is refused. */
async function copyText(text: string): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		const area = Object.assign(document.createElement('textarea'), { value: text, readOnly: true });
		area.style.cssText = 'position:fixed;inset-block-start:0;opacity:0';
		document.body.append(area);
		area.select();
		area.setSelectionRange(0, text.length);
		let ok = false;
		try {
			ok = document.execCommand('copy');
		} catch {
			ok = false;
		}
		area.remove();
		return ok;
	}
}

class GdsShare extends HTMLElement {
	connectedCallback() {
		const { title, text, url } = this.dataset as { title: string; text: string; url: string };
		const button = this.querySelector('button')!;
		const status = this.querySelector<HTMLElement>('.status')!;
		const canShare = typeof navigator.share === 'function';
		this.querySelector('.label')!.textContent = canShare ? 'Chia sẻ' : 'Sao chép liên kết';
		button.hidden = false;
		const copy = async () => {
			status.textContent = (await copyText(url))
				? 'Đã sao chép liên kết. Dán vào nhóm Zalo để gửi.'
				: `Chưa sao chép được. Bấm giữ vào liên kết này để sao chép: ${url}`;
		};
		button.addEventListener('click', async () => {
			status.textContent = '';
			if (!canShare) return copy();
			try {
				await navigator.share({ title, text, url });
			} catch (error) {
				// Closing the share sheet is a choice, not a failure.
				if ((error as DOMException).name !== 'AbortError') await copy();
			}
		});
	}
}
customElements.define('gds-share', GdsShare);
