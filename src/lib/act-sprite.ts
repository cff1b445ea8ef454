/**
 * Builds the one SVG sprite of the action icons at build time: each icon is drawn once, one
 * below the other, and a <view id="key"> frames it, so <img src="act.svg#key"> shows only that
 * icon. One small file, cached once, instead of the same drawing repeated in every page's HTML.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ACT_ICON_SOURCES, type ActIcon } from './act-icons';

const SIZE = 24;
/** Space between icons, so that a thick stroke never bleeds into the next view. */
const GAP = 2;

/** The drawing inside a Lucide SVG file: its elements, without the outer <svg> and comments. */
export function iconBody(svg: string, name = 'icon'): string {
	const match = svg.match(/<svg[^>]*>([\s\S]*?)<\/svg>/);
	if (!match) throw new Error(`lucide-static: tệp ${name}.svg không có thẻ <svg>.`);
	return match[1].replace(/<!--[\s\S]*?-->/g, '').replace(/\s*\n\s*/g, '').trim();
}

export function buildSprite(icons: Record<string, string>): string {
	const parts = Object.entries(icons).map(([key, body], i) => {
		const y = i * (SIZE + GAP);
		return `<view id="${key}" viewBox="0 ${y} ${SIZE} ${SIZE}"/><g transform="translate(0 ${y})">${body}</g>`;
	});
	const height = parts.length * (SIZE + GAP) - GAP;
	// Black strokes: the icons print on a black-and-white copier as they look on screen.
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${height}" fill="none" stroke="#1a1a1a" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">` +
		parts.join('') +
		'</svg>'
	);
}

/** The sprite of every key in ACT_ICON_SOURCES, read from the installed lucide-static. */
export function actSprite(): string {
	const dir = join(dirname(createRequire(import.meta.url).resolve('lucide-static/package.json')), 'icons');
	const icons: Record<string, string> = {};
	for (const [key, name] of Object.entries(ACT_ICON_SOURCES) as [ActIcon, string][]) {
		let svg: string;
		try {
			svg = readFileSync(join(dir, `${name}.svg`), 'utf8');
		} catch {
			throw new Error(`src/lib/act-icons.ts: hình "${key}" dùng biểu tượng "${name}", nhưng lucide-static không có tệp ${name}.svg.`);
		}
		icons[key] = iconBody(svg, name);
	}
	return buildSprite(icons);
}
