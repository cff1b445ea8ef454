/**
 * The boundary with Starlight for the scripts and the build: every id, selector, file path and
 * markup detail of Starlight (0.42) that its documentation does not promise, in one place. The CSS
 * counterpart is src/styles/starlight-internals.css. tests/unit/starlight-boundary.test.ts checks
 * the built site and the installed package still have each of them, and names what went missing.
 */

/** The id of the mobile menu pane (components/PageFrame.astro: <sl-sidebar-pane popover id=…>). */
export const SIDEBAR_ID = 'starlight__sidebar';

/** The button that opens it: Starlight marks it with popovertarget (our MobileMenuToggle keeps that). */
export const MENU_BUTTON = `[popovertarget="${SIDEBAR_ID}"]`;

/**
 * What Starlight makes inert while the menu is open (the script in components/PageFrame.astro):
 * the frame below the header and the skip link. The popover fallback does the same.
 */
export const INERT_WHILE_MENU_OPEN = '.main-frame, .sl-skip-link';

/** Starlight's page titles read "<page> | <site>" (components/Head.astro). */
export const TITLE_SEPARATOR = ' | ';

/**
 * Starlight's print stylesheet, found from the package's entry because the package does not export
 * it (its "exports" list only ./style/markdown.css). It moved once already: style/print.css on 0.41,
 * dist/style/print.css on 0.42.
 */
export const PRINT_CSS_FROM_ENTRY = './style/print.css';

/**
 * Every class, id or element of Starlight's markup that our CSS or scripts rely on, with the
 * Starlight file that renders it and where we rely on it. `html` is a marker searched in a built
 * lesson page (dist/cq-1/index.html).
 */
export const RELIED_ON: { name: string; html: string; starlight: string; ours: string }[] = [
	{ name: '.page > header', html: '<div class="page ', starlight: 'components/PageFrame.astro', ours: 'starlight-internals.css (print)' },
	{ name: '.main-frame', html: 'class="main-frame', starlight: 'components/PageFrame.astro', ours: 'starlight-internals.css (print), popover-fallback.ts' },
	{ name: '.content-panel', html: 'class="content-panel', starlight: 'components/ContentPanel.astro', ours: 'starlight-internals.css (print; sheets, booklet)' },
	{ name: '.sidebar-content', html: 'class="sidebar-content', starlight: 'components/PageSidebar.astro', ours: 'starlight-internals.css (tap targets)' },
	{ name: '.site-title', html: 'class="site-title', starlight: 'components/SiteTitle.astro', ours: 'starlight-internals.css (360 px header)' },
	{ name: '.sl-skip-link', html: 'class="sl-skip-link', starlight: 'components/SkipLink.astro', ours: 'starlight-internals.css, popover-fallback.ts' },
	{ name: '.sl-steps > li', html: 'class="sl-steps"', starlight: 'user-components/Steps.astro', ours: 'starlight-internals.css (print)' },
	{ name: `#${SIDEBAR_ID}`, html: `id="${SIDEBAR_ID}"`, starlight: 'components/PageFrame.astro', ours: 'starlight-internals.css, popover-fallback.ts' },
	{ name: `${SIDEBAR_ID} is a popover`, html: `popover id="${SIDEBAR_ID}"`, starlight: 'components/PageFrame.astro', ours: 'popover-fallback.ts' },
];

/** Custom properties Starlight defines but does not document, which our CSS reads or sets. */
export const RELIED_ON_PROPERTIES = ['--__sl-font-mono', '--sl-menu-button-size'];
