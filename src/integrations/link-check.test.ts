import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkBuiltLinks } from './link-check';

function site(pages: Record<string, string>) {
	const dir = mkdtempSync(join(tmpdir(), 'gds-links-'));
	for (const [path, html] of Object.entries(pages)) {
		mkdirSync(join(dir, path, '..'), { recursive: true });
		writeFileSync(join(dir, path), html);
	}
	return dir;
}

describe('the link check of the built site', () => {
	it('finds a missing page, a missing anchor and a link to a stranger’s site, naming the lesson', async () => {
		const dir = site({
			'index.html': '<a href="/gds/cq-1/">ok</a> <a href="/gds/cq-9/">hỏng</a>',
			'cq-1/index.html': '<h2 id="b">B</h2><a href="../an-toan/#khong-co">x</a> <a href="https://lua-dao.top/">y</a> <a href="https://dichvucong.gov.vn/">z</a> <a href="#b">b</a>',
			'an-toan/index.html': '<h2 id="quy-tac">Q</h2>',
		});
		try {
			const problems = await checkBuiltLinks(dir, '/gds/', 'https://xa.gov.vn', ['gov.vn'], (page) => (page === 'cq-1/index.html' ? 'content/docs/cq-1.mdx' : undefined));
			expect(problems).toContain('index.html: /gds/cq-9/ không tồn tại');
			expect(problems).toContain('content/docs/cq-1.mdx (cq-1/index.html): ../an-toan/#khong-co — trang không có mục #khong-co');
			expect(problems).toContain('content/docs/cq-1.mdx (cq-1/index.html): liên kết ra ngoài tới https://lua-dao.top/ không được phép');
			expect(problems).toHaveLength(3);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
