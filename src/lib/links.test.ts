import { describe, expect, it } from 'vitest';
import { externalLinks, hostAllowed, urlAllowed } from './links';

const allowed = ['gov.vn', 'cpc.vn', 'postmart.vn'];

describe('allowed sites', () => {
	it('takes official .gov.vn sites and their subdomains, and the named services', () => {
		expect(urlAllowed('https://dichvucong.gov.vn/p/home', allowed)).toBe(true);
		expect(urlAllowed('https://cskh.cpc.vn/x', allowed)).toBe(true);
		expect(hostAllowed('www.postmart.vn', allowed)).toBe(true);
	});
	it('refuses look-alikes and everything else', () => {
		expect(urlAllowed('https://dichvucong-gov.vn/', allowed)).toBe(false);
		expect(urlAllowed('https://gov.vn.example.com/', allowed)).toBe(false);
		expect(urlAllowed('https://cafef.vn/a', allowed)).toBe(false);
		expect(urlAllowed('not a url', allowed)).toBe(false);
	});
	it('finds the addresses written in a lesson', () => {
		expect(externalLinks('Xem [trang](https://gialai.gov.vn/tin). Hoặc <a href="https://abc.com/x">x</a>, https://voso.vn.')).toEqual([
			'https://gialai.gov.vn/tin',
			'https://abc.com/x',
			'https://voso.vn',
		]);
	});
});
