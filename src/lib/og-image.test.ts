import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { loadSiteData } from '../data/load';
import { fitText, loadFonts, measure, previewPng, previewSvg, textPath, wrapLines } from './og-image';
import { pictogramSvg } from './pictogram';

const { lessons } = loadSiteData(process.cwd(), { env: {} });
const fonts = loadFonts();

describe('lesson preview pictures', () => {
	it('wraps a title word by word within the width, keeping no-break spaces together', () => {
		const width = (s: string) => s.length * 10;
		expect(wrapLines('Tài khoản định danh điện tử', width, 110)).toEqual(['Tài khoản', 'định danh', 'điện tử']);
		expect(wrapLines('Sổ tay Gia\u00a0đình\u00a0số', width, 110)).toEqual(['Sổ tay', 'Gia\u00a0đình\u00a0số']);
	});

	it('chooses a smaller size for a long title so that it fits in four lines', () => {
		const long = 'Biết tra cứu thông tin, học tập, giải trí an toàn trên Google, YouTube và bản đồ trực tuyến';
		const { size, lines } = fitText(fonts.bold, long, 720, 4, [68, 62, 56, 50, 44]);
		expect(lines.length).toBeLessThanOrEqual(4);
		expect(size).toBeLessThan(68);
		for (const line of lines) expect(measure(fonts.bold, line, size)).toBeLessThanOrEqual(720);
	});

	it('has a glyph for every letter of every lesson title, Vietnamese marks included', () => {
		for (const lesson of lessons) expect(() => textPath(fonts.bold, lesson.data.title, 60, 0, 0)).not.toThrow();
		expect(() => textPath(fonts.bold, 'Ư ơ ặ ữ ỹ Đ', 60, 0, 0)).not.toThrow();
		expect(() => textPath(fonts.bold, '漢', 60, 0, 0)).toThrow(/thiếu ký tự “漢”/);
	});

	it('draws text as outlines only, so the build machine’s fonts never matter', () => {
		const svg = previewSvg({ eyebrow: 'GIA ĐÌNH SỐ', title: 'Hóa đơn điện tử', footer: 'Tiêu chí KT 2', pictogram: { svg: pictogramSvg('kt-2'), number: 'KT 2' } });
		expect(svg).not.toMatch(/<text\b/);
		expect(svg).not.toContain('currentColor');
	});

	it('is a 1200×630 PNG under 60 KB', async () => {
		const lesson = lessons.find((l) => l.data.criterion === 'cq-1')!;
		const png = await previewPng({ eyebrow: 'GIA ĐÌNH SỐ · XÃ KON CHIÊNG', title: lesson.data.title, footer: 'Tiêu chí CQ 1 · Nhóm Chính quyền số', pictogram: { svg: pictogramSvg('cq-1'), number: 'CQ 1' } });
		const meta = await sharp(png).metadata();
		expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
		expect(png.length).toBeLessThan(60 * 1024);
	});
});
