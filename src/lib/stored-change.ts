/**
 * Calls `reload` when what a page keeps on the phone may have changed behind its back: another tab
 * wrote it (the "storage" event), or the back button showed a copy of the page from the browser's
 * memory (pageshow with persisted). `isMine` picks the storage keys the page cares about.
 */
export function onStoredChange(isMine: (key: string) => boolean, reload: () => void) {
	window.addEventListener('storage', (e) => e.key !== null && isMine(e.key) && reload());
	window.addEventListener('pageshow', (e) => e.persisted && reload());
}
