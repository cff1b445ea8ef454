/**
 * Lighthouse's default (mobile) profile on a few pages, in Debian's Chromium launched here, against
 * the local nginx only: nothing on these pages reaches the internet, and Chromium's own background
 * traffic is switched off.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath } from './browser.mjs';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** The audits that cost points in a category below 100, with a few of the elements at fault. */
function failingAudits(lhr, category) {
	return category.auditRefs
		.map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
		.filter(({ ref, audit }) => ref.weight > 0 && audit.score !== null && audit.score < 1)
		.map(({ audit }) => ({
			id: audit.id,
			title: audit.title,
			score: audit.score,
			value: audit.displayValue ?? '',
			items: (audit.details?.items ?? [])
				.map((i) => i.node?.selector ?? i.node?.snippet ?? i.url ?? i.source?.url)
				.filter(Boolean)
				.slice(0, 3),
		}));
}

/**
 * The harshest link the villages have: 400 ms round trips, 400 kbps, a phone 6× slower than this
 * machine's CPU (Lighthouse's simulated throttling; its default mobile profile is 150 ms, 1.6 Mbps, 4×).
 */
export const HARSH = { rttMs: 400, throughputKbps: 400, cpuSlowdownMultiplier: 6, requestLatencyMs: 0, downloadThroughputKbps: 0, uploadThroughputKbps: 0 };

/**
 * The same link applied in Chrome rather than modelled (Lighthouse's "devtools" throttling): each
 * request waits 400 ms, the line carries 400 kbps, the CPU runs 6× slower. It shows what the page
 * really waits for; it does not model TCP handshakes, so its times are shorter than the model's.
 */
export const HARSH_APPLIED = { requestLatencyMs: 400, downloadThroughputKbps: 400, uploadThroughputKbps: 400, cpuSlowdownMultiplier: 6, rttMs: 400, throughputKbps: 400 };

/**
 * Runs Lighthouse on each path; `throttling` replaces the default mobile profile, simulated unless
 * `method` is 'devtools' (applied in Chrome).
 */
export async function runLighthouse(origin, paths, { throttling, method = 'simulate', categories = CATEGORIES, runs = 1 } = {}) {
	const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: FLAGS });
	try {
		const pages = [];
		let version;
		for (const path of paths) for (let run = 0; run < runs; run++) {
			const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories };
			const config = throttling
				? { extends: 'lighthouse:default', settings: { throttlingMethod: method, throttling, onlyCategories: categories } }
				: undefined;
			const { lhr } = await lighthouse(`${origin}${path}`, flags, config);
			version = lhr.lighthouseVersion;
			if (lhr.runtimeError) throw new Error(`Lighthouse on ${path}: ${lhr.runtimeError.message}`);
			const scores = Object.fromEntries(categories.map((c) => [c, Math.round(lhr.categories[c].score * 100)]));
			const failing = Object.fromEntries(
				categories.filter((c) => scores[c] < 100).map((c) => [c, failingAudits(lhr, lhr.categories[c])])
			);
			const metric = (id) => lhr.audits[id]?.numericValue;
			const metrics = { lcp: metric('largest-contentful-paint'), fcp: metric('first-contentful-paint'), tbt: metric('total-blocking-time'), cls: metric('cumulative-layout-shift') };
			pages.push({ path, scores, metrics, failing, warnings: lhr.runWarnings });
		}
		// Several runs: the median by performance score (Lighthouse's own advice for noisy machines).
		const median = paths.map((path) => {
			const mine = pages.filter((p) => p.path === path).sort((a, b) => a.scores[categories[0]] - b.scores[categories[0]]);
			return { ...mine[Math.floor(mine.length / 2)], runs: mine.map((p) => p.scores[categories[0]]) };
		});
		return { version, pages: median };
	} finally {
		await chrome.kill();
	}
}
