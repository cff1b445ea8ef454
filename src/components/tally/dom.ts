/** Small browser helpers shared by the village tally and the commune summary. */

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Saves text as a file in the phone's Downloads; nothing leaves the device. */
export function download(name: string, text: string, type = 'text/csv;charset=utf-8') {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = Object.assign(document.createElement('a'), { href: url, download: name });
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 25/11/2026, in the phone's own time zone. */
export function localDate(date: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()}`;
}

/** Fills a list with one <li> per line of text. */
export function fillList(list: Element, lines: string[]) {
	list.replaceChildren(...lines.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
}
