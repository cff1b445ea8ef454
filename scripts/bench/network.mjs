/**
 * What goes over the network, as Chromium reports it through CDP Network events.
 *
 * Requests come from two places: the page itself (a CDP session on the page) and the site's
 * service worker (through Playwright, see watchServiceWorker).
 * Once the service worker controls the page, the page's requests show up on the page's side as
 * "fromServiceWorker" with 0 bytes, and the real download, if any, on the worker's side: both
 * sides are needed to count what the phone pays for.
 *
 * Bytes are `Network.loadingFinished.encodedDataLength`: the body as sent (compressed) plus the
 * response headers. Request headers, going up, are not counted.
 */

const IMAGE = /\.(png|svg|webp|jpe?g|gif|avif|ico)$/i;

export class NetworkLog {
	/** Every request, in the order its first event arrived. */
	entries = [];
	#open = new Map();
	#seq = 0;

	/** A point in the log; `since(mark)` returns what started after it. */
	mark() {
		return this.#seq;
	}

	since(mark, contextId) {
		return this.entries.filter((e) => e.seq > mark && (!contextId || e.contextId === contextId));
	}

	/** Feeds one `Network.*` event. `from` is 'page' or 'sw'; requestIds are unique per context and source. */
	record(from, contextId, method, params) {
		const key = `${contextId}:${from}:${params.requestId}`;
		let entry = this.#open.get(key);
		if (method === 'Network.requestWillBeSent') {
			// A redirect reuses the requestId: the redirect response was a download of its own.
			if (entry && params.redirectResponse) this.#finish(key, entry, { bytes: params.redirectResponse.encodedDataLength, status: params.redirectResponse.status });
			entry = {
				seq: ++this.#seq,
				from,
				contextId,
				url: params.request.url,
				type: params.type,
				// Wall time in seconds, for both sources: orders the page's and the worker's requests.
				time: params.wallTime ?? params.timestamp,
				// The service worker's own script, fetched by the browser when the page registers it.
				swScript: (params.request.headers?.['Service-Worker'] ?? params.request.headers?.['service-worker']) === 'script',
				bytes: 0,
				done: false,
				lastEventAt: Date.now(),
			};
			this.entries.push(entry);
			this.#open.set(key, entry);
			return;
		}
		if (!entry) return; // A request that started before we listened.
		entry.lastEventAt = Date.now();
		if (method === 'Network.requestServedFromCache') entry.fromCache = true;
		else if (method === 'Network.responseReceived') {
			const r = params.response;
			entry.status = r.status;
			entry.mime = r.mimeType;
			entry.fromServiceWorker = Boolean(r.fromServiceWorker);
			if (r.fromDiskCache || r.fromPrefetchCache) entry.fromCache = true;
		} else if (method === 'Network.loadingFinished') this.#finish(key, entry, { bytes: params.encodedDataLength });
		else if (method === 'Network.loadingFailed') this.#finish(key, entry, { failed: params.errorText || 'failed' });
	}

	#finish(key, entry, fields) {
		Object.assign(entry, fields, { done: true, lastEventAt: Date.now() });
		this.#open.delete(key);
	}

	/**
	 * Waits until nothing is in flight for the context (only from `from` if given) and nothing has
	 * happened for `quietMs`. Returns false if that did not happen within `timeoutMs`.
	 */
	async waitForQuiet(contextId, { from, quietMs = 500, timeoutMs = 20_000 } = {}) {
		const started = Date.now();
		for (;;) {
			await new Promise((r) => setTimeout(r, 50));
			const mine = this.entries.filter((e) => e.contextId === contextId && (!from || e.from === from));
			const busy = mine.some((e) => !e.done);
			const last = Math.max(started, ...mine.map((e) => e.lastEventAt));
			if (!busy && Date.now() - last >= quietMs) return true;
			if (Date.now() - started > timeoutMs) return false;
		}
	}
}

/** Forwards a page's Network events (through a CDP session on it) into the log. */
export async function watchPage(context, page, contextId, log) {
	const cdp = await context.newCDPSession(page);
	for (const method of ['Network.requestWillBeSent', 'Network.requestServedFromCache', 'Network.responseReceived', 'Network.loadingFinished', 'Network.loadingFailed'])
		cdp.on(method, (params) => log.record('page', contextId, method, params));
	await cdp.send('Network.enable');
}

/**
 * Puts the service worker's own requests into the log. Playwright gives no CDP session on a
 * worker, and a second CDP client attached to it loses its first requests (Playwright lets the
 * worker run before the second client has switched Network events on). Playwright itself switches
 * them on before the worker runs, and its `sizes()` are the same CDP figure: response headers +
 * encoded body = `Network.loadingFinished.encodedDataLength`.
 */
export function watchServiceWorker(context, contextId, log) {
	let id = 0;
	const ids = new Map();
	const fromWorker = (request) => Boolean(request.serviceWorker());
	context.on('request', (request) => {
		if (!fromWorker(request)) return;
		ids.set(request, ++id);
		log.record('sw', contextId, 'Network.requestWillBeSent', {
			requestId: id,
			type: request.resourceType(),
			timestamp: request.timing().startTime / 1000,
			request: { url: request.url(), headers: request.headers() },
		});
	});
	const finish = async (request, failed) => {
		if (!ids.has(request)) return;
		const requestId = ids.get(request);
		const response = failed ? null : await request.response().catch(() => null);
		if (!response) return log.record('sw', contextId, 'Network.loadingFailed', { requestId, errorText: request.failure()?.errorText });
		const sizes = await request.sizes().catch(() => ({ responseHeadersSize: 0, responseBodySize: 0 }));
		const bytes = sizes.responseHeadersSize + sizes.responseBodySize;
		log.record('sw', contextId, 'Network.responseReceived', {
			requestId,
			// A disk-cache hit crosses no network: Chromium reports it with 0 bytes.
			response: { status: response.status(), mimeType: response.headers()['content-type'], fromDiskCache: bytes === 0 },
		});
		log.record('sw', contextId, 'Network.loadingFinished', { requestId, encodedDataLength: bytes });
	};
	context.on('requestfinished', (r) => finish(r, false));
	context.on('requestfailed', (r) => finish(r, true));
}

export const isImage = (e) => IMAGE.test(new URL(e.url).pathname) || Boolean(e.mime?.startsWith('image/'));
const isHttp = (e) => /^https?:/.test(e.url);
/** Went over the network (not served by a cache or by the service worker from its storage). */
export const overNetwork = (e) => isHttp(e) && !e.fromCache && !e.fromServiceWorker && !e.failed;

/**
 * Splits a window of the log into what the page caused to be downloaded (its own requests, or the
 * service worker's fetch for one of them) and what the service worker fetched of its own accord
 * (its script and its precache at install).
 */
export function attribute(entries) {
	const sw = entries.filter((e) => e.from === 'sw' && overNetwork(e));
	const used = new Set();
	const page = [];
	for (const e of entries.filter((x) => x.from === 'page' && isHttp(x))) {
		if (e.fromServiceWorker) {
			// The worker's network fetch for this request, if it made one (not from its cache).
			const fetched = sw.find((s) => !used.has(s) && s.url === e.url && s.time >= e.time - 0.05);
			if (fetched) {
				used.add(fetched);
				page.push({ ...fetched, viaServiceWorker: true });
			}
		} else if (overNetwork(e)) page.push(e);
	}
	return { page, swOwn: sw.filter((s) => !used.has(s)) };
}

/** Everything that went over the network in a window, page and service worker alike. */
export const allDownloads = (entries) => entries.filter(overNetwork);

export const sumBytes = (entries) => entries.reduce((n, e) => n + e.bytes, 0);

/** A short form for the report: path below the origin and bytes. */
export const describe = (e) => ({ url: new URL(e.url).pathname + new URL(e.url).search, bytes: e.bytes, from: e.from, ...(e.note ? { note: e.note } : {}) });
