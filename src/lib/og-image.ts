/**
 * Draws a lesson's link preview (1200×630 PNG): its pictogram and number, its title and the
 * commune. Letters are turned into outlines from DejaVu Sans, shipped in an npm package, so the
 * picture does not depend on the fonts of the machine that builds it (sharp's own text input
 * falls back to system fonts whatever `fontfile` says). Build time only.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkitten';
import sharp from 'sharp';
import { OG_HEIGHT, OG_WIDTH } from './og';

const INK = '#14213d';
const ACCENT = '#0f6e56';
const MUTED = '#4b5563';
const PANEL = '#e7f3ee';

export interface Fonts {
	regular: Font;
	bold: Font;
}

let loaded: Fonts | undefined;

/** DejaVu Sans (full Vietnamese coverage) from the dejavu-fonts-ttf package, found from the project root. */
export function fontDir(root: string = process.cwd()): string {
	try {
		return join(dirname(createRequire(join(root, 'package.json')).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
	} catch {
		throw new Error('Thiếu gói phông chữ dejavu-fonts-ttf để vẽ ảnh xem trước: chạy "npm ci".');
	}
}

export function loadFonts(root?: string): Fonts {
	if (loaded) return loaded;
	const dir = fontDir(root);
	const open = (file: string) => {
		const font = create(readFileSync(join(dir, file)));
		if (font.isCollection) throw new Error(`${file} là bộ phông, cần một phông`);
		return font;
	};
	loaded = { regular: open('DejaVuSans.ttf'), bold: open('DejaVuSans-Bold.ttf') };
	return loaded;
}

/** Width of a line of text at a size, in pixels. */
export function measure(font: Font, text: string, size: number): number {
	return font.glyphsForString(text.normalize('NFC')).reduce((w, g) => w + g.advanceWidth, 0) * (size / font.unitsPerEm);
}

/** The outline of one line of text as SVG path data, left end of its baseline at (x, y). */
export function textPath(font: Font, text: string, size: number, x: number, y: number): string {
	const scale = size / font.unitsPerEm;
	const nfc = text.normalize('NFC');
	const chars = [...nfc];
	let pen = x;
	return font
		.glyphsForString(nfc)
		.map((glyph, i) => {
			if (glyph.id === 0) throw new Error(`Phông chữ thiếu ký tự “${chars[i]}” trong “${text}”.`);
			const d = glyph.path.scale(scale, -scale).translate(pen, y).toSVG();
			pen += glyph.advanceWidth * scale;
			return d;
		})
		.join('');
}

/** Breaks text into lines no wider than `maxWidth`, word by word. */
export function wrapLines(text: string, width: (line: string) => number, maxWidth: number): string[] {
	const lines: string[] = [];
	// Split at plain spaces only, so a no-break space keeps words together ("Gia\u00a0đình\u00a0số").
	for (const word of text.split(/[ \t\n]+/).filter(Boolean)) {
		const last = lines.at(-1);
		if (last !== undefined && width(`${last} ${word}`) <= maxWidth) lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
	}
	return lines;
}

/** The largest of `sizes` at which the title fits in `maxLines` lines (the smallest size if none does). */
export function fitText(font: Font, text: string, maxWidth: number, maxLines: number, sizes: number[]): { size: number; lines: string[] } {
	for (const size of sizes) {
		const lines = wrapLines(text, (line) => measure(font, line, size), maxWidth);
		if (lines.length <= maxLines && lines.every((l) => measure(font, l, size) <= maxWidth)) return { size, lines };
	}
	const size = sizes.at(-1)!;
	return { size, lines: wrapLines(text, (line) => measure(font, line, size), maxWidth) };
}

const path = (d: string, fill: string) => `<path fill="${fill}" d="${d}"/>`;

/** A pictogram's SVG placed at (x, y) with a side of `size`, drawn in `color`. */
function placeSvg(svg: string, x: number, y: number, size: number, color: string): string {
	return svg.replace(/currentColor/g, color).replace(/<svg\b/, `<svg x="${x}" y="${y}" width="${size}" height="${size}"`);
}

export interface PreviewContent {
	/** The line above the title: "GIA ĐÌNH SỐ · XÃ KON CHIÊNG". */
	eyebrow: string;
	title: string;
	/** The line at the foot: the group, or what the site is. */
	footer: string;
	/** The criterion's pictogram and its number ("CQ-1", from criterionNumber), on lessons of a criterion. */
	pictogram?: { svg: string; number: string };
	/** Small pictograms in a grid, for the site's own picture. */
	grid?: string[];
}

/** The preview as SVG, every letter an outline. */
export function previewSvg(content: PreviewContent, fonts: Fonts = loadFonts()): string {
	const parts: string[] = [`<rect width="${OG_WIDTH}" height="${OG_HEIGHT}" fill="#fff"/>`];
	let left = 64;
	let right = OG_WIDTH - 64;
	if (content.pictogram) {
		parts.push(`<rect x="48" y="48" width="336" height="510" rx="24" fill="${PANEL}"/>`);
		parts.push(placeSvg(content.pictogram.svg, 88, 92, 256, INK));
		const size = 64;
		const w = measure(fonts.bold, content.pictogram.number, size);
		parts.push(path(textPath(fonts.bold, content.pictogram.number, size, 216 - w / 2, 470), INK));
		left = 432;
	}
	if (content.grid?.length) {
		const cell = 64;
		const gap = 20;
		const cols = Math.ceil(content.grid.length / 3);
		const x0 = right - (cols * cell + (cols - 1) * gap);
		content.grid.forEach((svg, i) => {
			parts.push(placeSvg(svg, x0 + (i % cols) * (cell + gap), 170 + Math.floor(i / cols) * (cell + gap), cell, i % 2 ? ACCENT : INK));
		});
		right = x0 - 48;
	}
	const width = right - left;
	parts.push(path(textPath(fonts.bold, content.eyebrow, 28, left, 104), ACCENT));
	const { size, lines } = fitText(fonts.bold, content.title, width, 4, [68, 62, 56, 50, 44]);
	const lineHeight = Math.round(size * 1.22);
	// Centre the title block between the eyebrow and the footer.
	const top = 140 + Math.max(0, (380 - lines.length * lineHeight) / 2);
	lines.forEach((line, i) => parts.push(path(textPath(fonts.bold, line, size, left, top + size + i * lineHeight), INK)));
	const footer = fitText(fonts.regular, content.footer, width, 1, [30, 26, 22]);
	parts.push(path(textPath(fonts.regular, footer.lines.join(' '), footer.size, left, 548), MUTED));
	parts.push(`<rect y="${OG_HEIGHT - 24}" width="${OG_WIDTH}" height="24" fill="${ACCENT}"/>`);
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${OG_WIDTH}" height="${OG_HEIGHT}" viewBox="0 0 ${OG_WIDTH} ${OG_HEIGHT}">${parts.join('')}</svg>`;
}

/** The preview as a small PNG: a 32-colour palette keeps it well under 60 KB. */
export async function previewPng(content: PreviewContent, fonts?: Fonts): Promise<Buffer> {
	return sharp(Buffer.from(previewSvg(content, fonts)))
		.png({ palette: true, colours: 32, dither: 0, compressionLevel: 9, effort: 10 })
		.toBuffer();
}
