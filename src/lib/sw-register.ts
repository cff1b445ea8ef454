/**
 * Registers the service worker on every page and offers a reload when a new version is published.
 * Kept apart from offline-client.ts so that every page loads only this small part.
 */

/** Registers sw.js for the base; calls `onUpdate` with a function that activates a waiting new version. */
export async function registerServiceWorker(base: string, onUpdate: (activate: () => void) => void) {
	if (!('serviceWorker' in navigator)) return;
	// After the page has loaded: on a slow link the shell's download must not compete with the page.
	if (document.readyState !== 'complete') await new Promise((resolve) => addEventListener('load', resolve, { once: true }));
	// Reload only for an update the reader asked for, not when the first version takes control.
	let requested = false;
	navigator.serviceWorker.addEventListener('controllerchange', () => requested && location.reload());
	const registration = await navigator.serviceWorker.register(`${base}sw.js`, { scope: base });
	const offer = (worker: ServiceWorker) =>
		onUpdate(() => {
			requested = true;
			worker.postMessage({ type: 'SKIP_WAITING' });
		});
	if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
	registration.addEventListener('updatefound', () => {
		const worker = registration.installing;
		worker?.addEventListener('statechange', () => {
			if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
		});
	});
	// A page left open for days still learns of a new version.
	setInterval(() => registration.update().catch(() => {}), 60 * 60 * 1000);
}
