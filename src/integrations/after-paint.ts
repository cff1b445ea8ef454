/**
 * Every page paints from its HTML and its one stylesheet alone; its scripts and the web app
 * manifest are fetched after the first paint.
 *
 * Why: on the harshest link the villages have (400 ms round trips, 400 kbps), the page arrives
 * after about 1.6 s and the stylesheet one round trip later. A module script in the page is
 * fetched at the same time, on a second connection (a new TCP handshake), and on a cheap phone
 * it runs before the first paint: the text appears only once the script has arrived and run, about
 * half a second later than it could. Nothing a reader needs to see comes from a script (the
 * lessons, the checklists, the menu and the answers revealed in "Thật hay lừa?" work without
 * one), so the scripts wait until the text is on the screen, and then load as before. The same
 * holds for the manifest: Chrome fetches it, and its 192 px icon, as soon as it sees the link, so
 * on a 400 kbps link they share the line with the stylesheet; it is needed only to install the
 * site, which can wait a second.
 * Lighthouse's model of a slow phone (`npm run bench`, harsh profile) counts the same thing: any
 * script that ran before the first paint is part of its critical path.
 *
 * How: each `<script type="module" src>` keeps its place and its address but gets a type the
 * browser neither fetches nor runs; one small inline module, the same on every page (one hash in
 * the Content-Security-Policy), imports them after the first contentful paint (in page order; each
 * defines its own elements and none waits for another, so the order they finish in does not matter). The
 * manifest's `<link>` likewise loses its `rel` (a link without one fetches nothing) and gets it back
 * then, from `data-rel`; Chrome reads a manifest link added later. Inline
 * scripts (the theme, Starlight's menu button) still run as they are: they cost no request.
 *
 * Steps that read the scripts' addresses from the pages (the offline shell, the CSS trimmer, the
 * budgets) find them in the same `src` attributes.
 */
import { applyEdits, attr, elements, parseHtml, replaceNode, serialize, type Edit, type Element } from './html';

/** The type the page's module scripts get: not a script type, so the browser leaves them alone. */
export const AFTER_PAINT_TYPE = 'gds/after-paint';

/**
 * Imports the scripts, and gives the manifest link its rel back, once the first text
 * is on the screen: when the browser reports its first contentful paint (the report comes after
 * the frame is shown). A hidden page (a background tab) paints nothing and loads at once; after
 * 3 s everything loads whatever happened (a browser without paint timing). `d`: only once.
 * Written short: every cold visit of every page carries it.
 */
export const AFTER_PAINT_LOADER =
	`let d;const l=()=>{if(!d){d=1;for(const s of document.querySelectorAll('[type="${AFTER_PAINT_TYPE}"]'))import(s.src);` +
	`for(const k of document.querySelectorAll('link[data-rel]'))k.rel=k.dataset.rel}};` +
	`setTimeout(l,3e3);document.hidden?l():new PerformanceObserver(e=>e.getEntriesByName('first-contentful-paint')[0]&&l()).observe({type:'paint',buffered:!0})`;

const isModuleWithSrc = (el: Element) => el.tagName === 'script' && attr(el, 'type') === 'module' && attr(el, 'src') !== undefined;
const isManifest = (el: Element) => el.tagName === 'link' && attr(el, 'rel') === 'manifest';

/**
 * One page: its module scripts and its manifest link deferred to after the first paint, and the
 * loader after the last script. A page without module scripts is left as it is.
 */
export function deferToAfterPaint(html: string): string {
	const all = [...elements(parseHtml(html))];
	const scripts = all.filter(isModuleWithSrc);
	if (!scripts.length) return html;
	const edits: Edit[] = scripts.map((el, i) => {
		const deferred = serialize({ ...el, properties: { ...el.properties, type: AFTER_PAINT_TYPE }, children: [] });
		const loader = i === scripts.length - 1 ? `<script type="module">${AFTER_PAINT_LOADER}</script>` : '';
		return replaceNode(el, deferred + loader);
	});
	for (const link of all.filter(isManifest)) {
		const { rel: _rel, ...properties } = link.properties;
		edits.push(replaceNode(link, serialize({ ...link, properties: { dataRel: 'manifest', ...properties } })));
	}
	return applyEdits(html, edits);
}
