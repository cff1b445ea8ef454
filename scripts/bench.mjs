/**
 * npm run bench — what the handbook costs the villagers who read it on a cheap phone over paid
 * 3G/4G: bytes and requests of a lesson, the search, the offline bundle, the build time and
 * Lighthouse, each printed beside its budget. A report, not a test: a missed budget still exits 0
 * (only a figure that could not be measured exits 1).
 *
 *   npm run bench                          build twice (timed, with and without PDFs), bench that build
 *   npm run bench -- --skip-build          bench dist/ as it is
 *   npm run bench -- --dist /tmp/dist-x    bench another build (no build timing with --skip-build)
 *   npm run bench -- --skip-lighthouse     leave out Lighthouse (about 40 s)
 *   npm run bench -- --port 4420           nginx's port (default 4420)
 *
 * The site is served by nginx with the shipped configuration (tests/server/nginx.mjs), with its
 * precompressed files, and loaded in Debian's Chromium (/usr/bin/chromium or CHROMIUM_PATH).
 * Results also go to .bench/last.json.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { coldLoads, firstSearch, launch, secondLessons } from './bench/browser.mjs';
import { timeBuild } from './bench/build.mjs';
import { HARSH, HARSH_APPLIED, runLighthouse } from './bench/lighthouse.mjs';
import { KB, fileList, kb, maxBy, median, size, table } from './bench/report.mjs';
import { checkDist, htmlSizes, lessonUrls, offlineBundle, served } from './bench/static.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const BASE = '/gia-dinh-so/';

const BUDGETS = {
	lessonBytes: 20 * KB,
	lessonRequests: 4,
	htmlBr: 14 * KB,
	secondLessonBytes: 8 * KB,
	searchBytes: 110 * KB,
	// Pictures included (issue 16: the step icons and drawings travel with the saved lessons).
	offlineBytes: 700 * KB,
	buildSeconds: 60,
	lighthouse: 100,
	harshPerformance: 95,
	harshLessonLcpMs: 2000,
};

const LIGHTHOUSE_PAGES = [BASE, `${BASE}cq-1/`, `${BASE}in/phieu-tu-danh-gia/`];
/** The harsh profile (400 ms, 400 kbps, 6× CPU): the home page, a lesson and the team's tally. */
const HARSH_PAGES = [BASE, `${BASE}cq-1/`, `${BASE}so-theo-doi/`];
const SEARCH_LESSON = `${BASE}cq-1/`;

/** Sections that fail are reported as errors in the table; the others still run. */
const errors = {};
async function attempt(name, fn) {
	try {
		return await fn();
	} catch (error) {
		errors[name] = error instanceof Error ? error.message : String(error);
		return undefined;
	}
}

function options() {
	const { values } = parseArgs({
		options: {
			dist: { type: 'string' },
			'skip-build': { type: 'boolean', default: false },
			'skip-lighthouse': { type: 'boolean', default: false },
			port: { type: 'string', default: process.env.GDS_BENCH_PORT ?? '4420' },
			help: { type: 'boolean', short: 'h', default: false },
		},
	});
	return { dist: values.dist, skipBuild: values['skip-build'], skipLighthouse: values['skip-lighthouse'], port: Number(values.port), help: values.help };
}

function portIsFree(port) {
	return new Promise((resolve) => {
		const server = createServer()
			.once('error', () => resolve(false))
			.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/**
 * nginx through tests/server/nginx.mjs's command line, in a child process: its start-up warnings
 * stay out of the report unless it fails to start.
 */
async function serve(dist, port) {
	if (!(await portIsFree(port))) throw new Error(`port ${port} is taken: pass --port <free port>`);
	const child = spawn(process.execPath, [join(ROOT, 'tests/server/nginx.mjs')], {
		env: { ...process.env, DIST_DIR: dist, GDS_PORT: String(port) },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	let lastStatus = 'no answer';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const exited = new Promise((r) => child.once('exit', r));
	const origin = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 100; i++) {
		if (child.exitCode !== null) break;
		const ok = await fetch(origin + BASE).then((r) => ((lastStatus = `HTTP ${r.status}`), r.ok), () => false);
		if (ok) return { origin, stop: () => (child.kill('SIGTERM'), exited) };
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill('SIGTERM');
	throw new Error(`nginx did not serve ${origin}${BASE} (${lastStatus}; see /tmp/gds-nginx-${port}/logs/error.log):\n${output}`);
}

function commit() {
	try {
		const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
		const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim();
		return dirty ? `${head} + uncommitted changes` : head;
	} catch {
		return 'unknown';
	}
}

const lessonName = (url) => url.slice(BASE.length).replace(/\/$/, '') || 'home';

/** The figures that need the site served: nginx, then Chromium, then Lighthouse. */
async function measureServed(f, lessons, opts) {
	const server = await serve(f.dist, opts.port);
	try {
		f.homeServed = await attempt('html', async () => ({
			gzip: await served(server.origin + BASE, 'gzip'),
			br: await served(server.origin + BASE, 'br'),
		}));
		const run = await launch();
		f.chromium = run.version;
		try {
			f.cold = await attempt('cold', () => coldLoads(run, server.origin, lessons));
			f.second = await attempt('second', () => secondLessons(run, server.origin, f.dist, lessons));
			f.search = await attempt('search', () => firstSearch(run, server.origin, SEARCH_LESSON));
			// Villagers type slowly: each pause longer than Pagefind's debounce runs a search of its own.
			f.searchSlow = await attempt('search', () => firstSearch(run, server.origin, SEARCH_LESSON, { keyDelayMs: 300 }));
		} finally {
			await run.close();
		}
		if (!opts.skipLighthouse) {
			f.lighthouse = await attempt('lighthouse', () => runLighthouse(server.origin, LIGHTHOUSE_PAGES));
			f.harsh = await attempt('lighthouse', () => runLighthouse(server.origin, HARSH_PAGES, { throttling: HARSH, categories: ['performance'], runs: 3 }));
			// The lesson once more with the link applied in Chrome: what its first paint really waits for.
			f.harshApplied = await attempt('lighthouse', () => runLighthouse(server.origin, [`${BASE}cq-1/`], { throttling: HARSH_APPLIED, method: 'devtools', categories: ['performance'] }));
		}
	} finally {
		await server.stop();
	}
}

/** Runs everything; returns the figures (undefined where skipped or failed). */
async function measure(opts) {
	const f = {};
	if (!opts.skipBuild) {
		// Without PDFs first, so that the build left to bench is the full one.
		f.buildNoPdf = await attempt('build', () => timeBuild({ pdf: false }));
		if (f.buildNoPdf) rmSync(f.buildNoPdf.outDir, { recursive: true, force: true });
		f.build = await attempt('build', () => timeBuild({ pdf: true }));
	}
	f.dist = opts.dist ? resolve(opts.dist) : (f.build?.outDir ?? join(ROOT, 'dist'));
	checkDist(f.dist);
	const lessons = lessonUrls(f.dist);
	if (!lessons.every((u) => u.startsWith(BASE))) throw new Error(`${f.dist} was built for another base than ${BASE}.`);

	f.html = await attempt('html', () => htmlSizes(f.dist));
	f.offline = await attempt('offline', () => offlineBundle(f.dist, BASE));

	await attempt('server', () => measureServed(f, lessons, opts));
	return f;
}

const kbBudget = (bytes) => `≤ ${bytes / KB} KB`;

/** A table row: `value` against `limit`; `measured` is what is printed. */
const row = (figure, measured, value, limit, budget) => ({ figure, measured, budget, ok: value <= limit });
const infoRow = (figure, measured, budget = '') => ({ figure, measured, budget, ok: null });
const errorRow = (figure, section, budget) => ({
	figure,
	measured: `error: ${errors[section] ?? errors.server}`.split('\n')[0].slice(0, 90),
	budget,
	ok: false,
});

function coldRows(cold) {
	const budget = kbBudget(BUDGETS.lessonBytes);
	if (!cold) return [errorRow('cold load of a lesson', 'cold', budget)];
	const worst = maxBy(cold, (x) => x.bytes);
	const most = maxBy(cold, (x) => x.requests);
	const med = median(cold.map((x) => x.bytes));
	return [
		row(`cold load of a lesson, bytes without images (max of ${cold.length})`, `${kb(worst.bytes)} (${lessonName(worst.url)})`, worst.bytes, BUDGETS.lessonBytes, budget),
		row('  median', kb(med), med, BUDGETS.lessonBytes, budget),
		row('cold load of a lesson, requests without images (max)', `${most.requests} (${lessonName(most.url)})`, most.requests, BUDGETS.lessonRequests, `≤ ${BUDGETS.lessonRequests}`),
	];
}

function installRow(second) {
	if (!second) return [errorRow('service worker install, after load', 'second', '')];
	const { bytes, requests } = second.serviceWorker.install;
	return [infoRow('service worker install, after load', `${kb(bytes)}, ${requests} requests`, 'apart from the page')];
}

function htmlRows(html, homeServed) {
	const budget = kbBudget(BUDGETS.htmlBr);
	if (!html) return [errorRow('HTML of any page, brotli', 'html', budget)];
	const [worst] = html;
	return [
		row(`HTML of any page, brotli (max of ${html.length})`, `${kb(worst.br)} (${worst.page || 'home'})`, worst.br, BUDGETS.htmlBr, budget),
		...(homeServed ? [infoRow('  home page as nginx sends it: gzip / br', `${kb(homeServed.gzip.body)} / ${kb(homeServed.br.body)}`, 'cross-check')] : []),
	];
}

function secondRows(second) {
	const budget = kbBudget(BUDGETS.secondLessonBytes);
	if (!second) return [errorRow('second lesson after the first', 'second', budget)];
	const worst = maxBy(second.seconds, (x) => x.bytes);
	const med = median(second.seconds.map((x) => x.bytes));
	return [
		row(`second lesson after ${lessonName(second.first)} (max of ${second.seconds.length})`, `${kb(worst.bytes)} (${lessonName(worst.url)})`, worst.bytes, BUDGETS.secondLessonBytes, budget),
		row('  median', kb(med), med, BUDGETS.secondLessonBytes, budget),
	];
}

function searchRows(search, searchSlow) {
	const budget = kbBudget(BUDGETS.searchBytes);
	const measured = (s) => `${kb(s.bytes)}, ${s.requests} requests`;
	if (!search) return [errorRow('first search', 'search', budget)];
	return [
		row(`first search "${search.query}", all downloads`, measured(search), search.bytes, BUDGETS.searchBytes, budget),
		...(searchSlow ? [row(`  typed key by key, ${searchSlow.keyDelayMs} ms a key`, measured(searchSlow), searchSlow.bytes, BUDGETS.searchBytes, budget)] : []),
	];
}

function offlineRows(offline) {
	const budget = kbBudget(BUDGETS.offlineBytes);
	if (!offline) return [errorRow('offline bundle without PDFs', 'offline', budget)];
	return [
		row('offline bundle without PDFs', kb(offline.total), offline.total, BUDGETS.offlineBytes, budget),
		infoRow('  PDFs (optional)', `${size(offline.pdfs.bytes)}, ${offline.pdfs.count} files`, 'apart'),
	];
}

function buildRows(f, skipped) {
	const budget = `≤ ${BUDGETS.buildSeconds} s`;
	if (skipped) return [infoRow('full build (npm run build)', 'skipped (--skip-build)', budget)];
	return [
		[f.build, 'full build (npm run build)'],
		[f.buildNoPdf, '  without PDFs (PDF=0)'],
	].map(([b, label]) => (b ? row(`${label}, ${b.cores} cores`, `${b.seconds.toFixed(1)} s`, b.seconds, BUDGETS.buildSeconds, budget) : errorRow(label, 'build', budget)));
}

function lighthouseRows(lighthouse, skipped) {
	if (skipped) return [infoRow('Lighthouse, mobile', 'skipped (--skip-lighthouse)', '100 each')];
	if (!lighthouse) return [errorRow('Lighthouse, mobile', 'lighthouse', '100 each')];
	return lighthouse.pages.map(({ path, scores: s }) => ({
		figure: `Lighthouse ${path}`,
		measured: `Perf ${s.performance} · A11y ${s.accessibility} · BP ${s['best-practices']} · SEO ${s.seo}`,
		budget: '100 each',
		ok: Object.values(s).every((v) => v >= BUDGETS.lighthouse),
	}));
}

function harshRows(harsh, skipped) {
	const label = `Lighthouse, ${HARSH.rttMs} ms · ${HARSH.throughputKbps} kbps · ${HARSH.cpuSlowdownMultiplier}× CPU`;
	if (skipped) return [infoRow(label, 'skipped (--skip-lighthouse)', `Perf ≥ ${BUDGETS.harshPerformance}`)];
	if (!harsh) return [errorRow(label, 'lighthouse', `Perf ≥ ${BUDGETS.harshPerformance}`)];
	const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;
	return harsh.pages.flatMap(({ path, scores, metrics, runs }) => [
		row(`${label} ${path}`, `Perf ${scores.performance} (runs ${runs.join('/')}) · LCP ${sec(metrics.lcp)} · FCP ${sec(metrics.fcp)} · TBT ${Math.round(metrics.tbt)} ms`, -scores.performance, -BUDGETS.harshPerformance, `Perf ≥ ${BUDGETS.harshPerformance}`),
		// In milliseconds: Lighthouse shows 2005 ms as "2.0 s", and the budget is kept to the millisecond.
		...(/\/(cq|kt|xh)-\d+\/$/.test(path) ? [row(`  lesson LCP`, `${Math.round(metrics.lcp)} ms`, metrics.lcp, BUDGETS.harshLessonLcpMs, `≤ ${BUDGETS.harshLessonLcpMs} ms`)] : []),
	]);
}

/** The lesson with the link applied in Chrome: a cross-check of the model, not a budget. */
function appliedRows(applied, skipped) {
	const label = '  same link applied in Chrome (devtools), no TCP handshakes';
	if (skipped) return [];
	if (!applied) return [errorRow(label, 'lighthouse', 'cross-check')];
	return applied.pages.map(({ path, metrics }) => infoRow(`${label} ${path}`, `LCP ${Math.round(metrics.lcp)} ms · FCP ${Math.round(metrics.fcp)} ms`, 'cross-check'));
}

/** The table: one row per figure, with its budget. */
function rows(f, opts) {
	return [
		...coldRows(f.cold),
		...installRow(f.second),
		...htmlRows(f.html, f.homeServed),
		...secondRows(f.second),
		...searchRows(f.search, f.searchSlow),
		...offlineRows(f.offline),
		...buildRows(f, opts.skipBuild),
		...lighthouseRows(f.lighthouse, opts.skipLighthouse),
		...harshRows(f.harsh, opts.skipLighthouse),
		...appliedRows(f.harshApplied, opts.skipLighthouse),
	];
}

const sumOf = (files) => files.reduce((n, x) => n + x.bytes, 0);

function coldDetails(cold) {
	const worst = maxBy(cold, (x) => x.bytes);
	const lines = [
		`Heaviest cold load, ${lessonName(worst.url)}: ${kb(worst.bytes)} in ${worst.requests} requests (images apart: ${worst.imageRequests} requests, ${kb(worst.imageBytes)})`,
		fileList(worst.files),
	];
	const noisy = cold.filter((x) => !x.quiet);
	if (noisy.length) lines.push(`  ! the network never went quiet on: ${noisy.map((x) => lessonName(x.url)).join(', ')}`);
	return lines;
}

function secondDetails({ first, serviceWorker, seconds }) {
	const { install, ready, controlled } = serviceWorker;
	const lines = [`Service worker install after ${lessonName(first)}: ${kb(install.bytes)} in ${install.requests} requests (ready: ${ready}, controls the page: ${controlled})`];
	if (install.repeatedBytes)
		lines.push(`    of which ${kb(install.repeatedBytes)} in ${install.repeated.length} files the page had just downloaded (the precache bypasses the HTTP cache)`);
	if (install.script.length) lines.push(fileList(install.script));
	if (install.notSeen.length) lines.push(`  ! precache entries not seen downloaded (count incomplete?): ${install.notSeen.join(', ')}`);
	const worst = maxBy(seconds, (x) => x.bytes);
	lines.push(`Heaviest second lesson, ${lessonName(worst.url)}: ${kb(worst.bytes)} in ${worst.requests} requests`, fileList(worst.files));
	return lines;
}

function htmlDetails(html) {
	return ['Largest HTML (brotli / raw):', ...html.slice(0, 3).map((h) => `    ${kb(h.br).padStart(9)} / ${kb(h.raw).padStart(9)}  ${BASE}${h.page}`)];
}

function searchDetails(search, searchSlow) {
	const fragments = (x) => x.files.filter((file) => file.url.includes('/fragment/'));
	const lines = [
		`First search on ${lessonName(search.lesson)}: ${search.results} results in ${search.ms} ms, words entered at once, page controlled by the service worker: ${search.controlledByServiceWorker}`,
		fileList(search.files, 8),
		`    result fragments: ${fragments(search).length} files, ${kb(sumOf(fragments(search)))}`,
	];
	if (searchSlow) lines[2] += `; typed key by key: ${fragments(searchSlow).length} files, ${kb(sumOf(fragments(searchSlow)))}`;
	return lines;
}

function offlineDetails({ pages, search, shell }) {
	const overlap = shell.alsoInPages.length ? `, ${shell.alsoInPages.join(', ')} also among the pages` : '';
	return [`Offline bundle: pages ${kb(pages.bytes)} (${pages.count}) + search ${kb(search.bytes)} (${search.count} files) + shell ${kb(shell.bytes)} (${shell.count} precached files${overlap})`];
}

function lighthouseDetails(lighthouse) {
	const lines = [];
	for (const p of lighthouse.pages) {
		for (const [category, audits] of Object.entries(p.failing)) {
			lines.push(`Lighthouse ${p.path} ${category} ${p.scores[category]}:`);
			for (const a of audits) lines.push(`    - ${a.title}${a.value ? ` (${a.value})` : ''}${a.items.length ? `: ${a.items.join(' · ')}` : ''}`);
		}
		for (const w of p.warnings ?? []) lines.push(`Lighthouse ${p.path} warning: ${w}`);
	}
	return lines;
}

function buildDetails(builds) {
	if (!builds.length) return [];
	const load = builds.map((b) => `${b.load.toFixed(1)} before the ${b.pdf ? 'full' : 'PDF=0'} build`).join(', ');
	return [`Builds: load average ${load} (above 0, other work shares the cores); logs: ${builds.map((b) => b.log).join(', ')}`];
}

/** What to look at to act on a figure: the files behind it, the audits that cost points. */
function details(f) {
	return [
		...(f.cold ? coldDetails(f.cold) : []),
		...(f.second ? secondDetails(f.second) : []),
		...(f.html ? htmlDetails(f.html) : []),
		...(f.search ? searchDetails(f.search, f.searchSlow) : []),
		...(f.offline ? offlineDetails(f.offline) : []),
		...buildDetails([f.build, f.buildNoPdf].filter(Boolean)),
		...(f.lighthouse ? lighthouseDetails(f.lighthouse) : []),
	].join('\n');
}

async function main() {
	const opts = options();
	if (opts.help) {
		console.log('npm run bench [-- --dist <dir>] [--skip-build] [--skip-lighthouse] [--port <n>]');
		return 0;
	}
	const started = Date.now();
	const f = await measure(opts);
	const r = rows(f, opts);
	const header = [
		`Gia đình số benchmark — ${new Date().toISOString()} — commit ${commit()}`,
		`build: ${f.dist} · nginx with the shipped config · Chromium ${f.chromium ?? '?'}${f.lighthouse ? ` · Lighthouse ${f.lighthouse.version}` : ''}`,
		'bytes = response headers + body as sent (compressed), from CDP; 1 KB = 1024 B',
	].join('\n');
	console.log(`\n${header}\n\n${table(r)}\n\n${details(f)}\n\n(${Math.round((Date.now() - started) / 1000)} s; also in .bench/last.json)`);

	mkdirSync(join(ROOT, '.bench'), { recursive: true });
	const json = { date: new Date().toISOString(), commit: commit(), budgets: BUDGETS, rows: r, errors, figures: f };
	writeFileSync(join(ROOT, '.bench/last.json'), JSON.stringify(json, null, '\t'));
	// The timed build was only benched; the logs stay for a look.
	if (f.build) rmSync(f.build.outDir, { recursive: true, force: true });
	if (Object.keys(errors).length) {
		const list = Object.entries(errors).map(([section, message]) => `  ${section}: ${message}`);
		console.error(`\nSome figures could not be measured:\n${list.join('\n')}`);
		return 1;
	}
	return 0;
}

process.exitCode = await main().catch((error) => {
	console.error(`bench: ${error.message}`);
	return 1;
});
