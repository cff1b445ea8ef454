import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { ACT_ICONS, ACT_ICON_SOURCES } from './act-icons';
import { actSprite, buildSprite, iconBody } from './act-sprite';

describe('the action icon sprite', () => {
	it('has one view per key, each with its own Lucide icon', () => {
		const sprite = actSprite();
		for (const key of Object.keys(ACT_ICONS)) expect(sprite).toContain(`<view id="${key}"`);
		const icons = Object.values(ACT_ICON_SOURCES);
		expect(new Set(icons).size, 'no two keys share an icon').toBe(icons.length);
		expect(Object.keys(ACT_ICON_SOURCES).sort()).toEqual(Object.keys(ACT_ICONS).sort());
	});
	it('is one small file, black on white', () => {
		const sprite = actSprite();
		expect(gzipSync(sprite).length).toBeLessThan(2.5 * 1024);
		expect(sprite).toContain('stroke="#1a1a1a"');
		expect(sprite).not.toMatch(/currentColor|<script|href=/);
	});
	it('frames each icon apart from its neighbours', () => {
		const sprite = buildSprite({ a: '<path d="M1 1h2"/>', b: '<circle r="2"/>' });
		expect(sprite).toContain('<view id="a" viewBox="0 0 24 24"/><g transform="translate(0 0)"><path d="M1 1h2"/></g>');
		expect(sprite).toContain('<view id="b" viewBox="0 26 24 24"/>');
		expect(iconBody('<!-- x --><svg a="b">\n  <path d="M0 0"/>\n</svg>')).toBe('<path d="M0 0"/>');
		expect(() => iconBody('nothing', 'hand')).toThrow('hand.svg');
	});
});
