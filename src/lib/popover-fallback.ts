/**
 * Starlight's mobile menu opens with the Popover API (Chrome 114 and later). On older phones the
 * menu button does nothing and the menu would cover the page, so there the button toggles the
 * menu itself.
 */
import { INERT_WHILE_MENU_OPEN, MENU_BUTTON, SIDEBAR_ID } from './starlight-internals';

export function supportsPopover(): boolean {
	return Object.prototype.hasOwnProperty.call(HTMLElement.prototype, 'popover');
}

export function installMenuFallback(doc: Document = document) {
	if (supportsPopover()) return;
	const pane = doc.getElementById(SIDEBAR_ID);
	const button = doc.querySelector<HTMLButtonElement>(MENU_BUTTON);
	if (!pane || !button) return;
	doc.documentElement.classList.add('gds-no-popover');
	pane.removeAttribute('popover');
	button.removeAttribute('popovertarget');
	button.setAttribute('aria-controls', SIDEBAR_ID);
	const set = (open: boolean) => {
		pane.classList.toggle('gds-open', open);
		button.setAttribute('aria-expanded', String(open));
		// Keep keyboard focus in the header and menu while the menu is open, as Starlight does.
		doc.querySelectorAll<HTMLElement>(INERT_WHILE_MENU_OPEN).forEach((el) => el.toggleAttribute('inert', open));
	};
	set(false);
	button.addEventListener('click', () => set(!pane.classList.contains('gds-open')));
	doc.addEventListener('keydown', (e) => e.key === 'Escape' && pane.classList.contains('gds-open') && (set(false), button.focus()));
	pane.addEventListener('click', (e) => (e.target as Element).closest('a') && set(false));
}
