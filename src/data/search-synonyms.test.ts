import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseSearchSynonyms, SYNONYMS_FILE } from './search-synonyms';
import { parse as parseYaml } from 'yaml';

const F = 'content/data/search-synonyms.yaml';
const problems = (text: string, pages?: string[]) => {
	try {
		parseSearchSynonyms(text, F, pages);
	} catch (e) {
		return (e as Error).message;
	}
	return '';
};

describe('content/data/search-synonyms.yaml', () => {
	it('is valid, and every page it names is a lesson or a page of the site', () => {
		const text = readFileSync(SYNONYMS_FILE, 'utf8');
		const lessons = ['an-toan', ...['cq', 'kt', 'xh'].flatMap((g, i) => Array.from({ length: [5, 7, 9][i]! }, (_, n) => `${g}-${n + 1}`))];
		const pages = ['tu-dien-so', 'gia-dinh-toi', 'so-theo-doi', 'so-theo-doi/tong-hop', 'in'];
		const data = parseSearchSynonyms(text, SYNONYMS_FILE, [...lessons, ...pages]);
		expect(data.filler).toEqual(expect.arrayContaining(['ở đâu', 'là gì', 'thế nào', 'làm sao', 'cách', 'có … không', 'được không', 'cho', 'của']));
		// Every lesson has the residents' words for its topic.
		for (const lesson of lessons) expect(data.pages.get(lesson)?.length ?? 0, lesson).toBeGreaterThanOrEqual(5);
		// The brand names residents type.
		const all = [...data.pages.values()].flat().join(' | ');
		for (const brand of ['Zalo', 'MoMo', 'ZaloPay', 'Shopee', 'EVN', 'BHYT', 'ATM', 'ck', 'app', 'online', 'thẻ căn cước trên điện thoại'])
			expect(all.toLowerCase(), brand).toContain(brand.toLowerCase());
		expect(parseYaml(text).pages['cq-1']).toContain('thẻ căn cước trên điện thoại');
	});

	it('names the file and the field of every mistake, in Vietnamese', () => {
		expect(problems('filler: [ở đâu]\nscam: [lừa]\npages:\n  xh-10: [điện]\n', ['xh-1'])).toMatch(
			/content\/data\/search-synonyms\.yaml, pages\.xh-10: không có trang nào tên “xh-10”/
		);
		expect(problems('filler: ở đâu\nscam: [lừa]\npages: {}\n')).toMatch(/search-synonyms\.yaml, filler: phải là danh sách/);
		expect(problems('filler: [ở đâu, ""]\nscam: [lừa]\npages: {}\n')).toMatch(/filler, dòng thứ 2: phải là một từ/);
		expect(problems('filler: [có …]\nscam: [lừa]\npages: {}\n')).toMatch(/cần từ ở cả hai bên dấu “…”/);
		expect(problems('filler: []\nscam: [lừa]\npages:\n  cq-1: ["căn cước, CCCD"]\n', ['cq-1'])).toMatch(/pages\.cq-1, dòng thứ 1: “căn cước, CCCD”: không dùng dấu phẩy/);
		expect(problems('filler: []\npages: {}\n')).toMatch(/scam: thiếu danh sách từ/);
		expect(problems('filler: []\nscam: []\npages: {}\nsynonyms: []\n')).toMatch(/synonyms: mục lạ/);
		expect(problems('filler: [\n')).toMatch(/search-synonyms\.yaml: không đọc được YAML/);
		expect(problems('filler: []\nscam: []\npages: {}\n')).toBe('');
	});
});
