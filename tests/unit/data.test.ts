import { describe, expect, it } from 'vitest';
import { copyProject, edit, problemsOf, root } from './project-copy';
import { cpSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadSiteData, staleLessons } from '../../src/data/load';
import { criteriaManifest } from '../../src/integrations/manifest';
import { buildSidebar } from '../../src/data/sidebar';



describe('the project data', () => {
	const data = loadSiteData(root, { env: {} });

	it('has the plan’s 21 criteria in its order: 5 Chính quyền số, 7 Kinh tế số, 9 Xã hội số', () => {
		expect(data.criteria.map((c) => c.id)).toEqual([
			...[1, 2, 3, 4, 5].map((n) => `cq-${n}`),
			...[1, 2, 3, 4, 5, 6, 7].map((n) => `kt-${n}`),
			...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `xh-${n}`),
		]);
		expect(data.groups.map((g) => g.name)).toEqual(['Chính quyền số', 'Kinh tế số', 'Xã hội số']);
	});

	// The plan sits in ../shared/ beside the clone, as in CI.
	const planPath = join(root, '../shared/plan/ke-hoach-gia-dinh-so-kon-chieng.txt');
	it.skipIf(!existsSync(planPath))('keeps the plan’s wording verbatim', () => {
		const plan = readFileSync(planPath, 'utf8').replace(/\s+/g, ' ');
		// xh-6 is cut mid-word in the plan ("với chính"); its data says so in a note.
		for (const c of data.criteria.filter((c) => c.id !== 'xh-6')) expect(plan).toContain(c.wording.replace(/\.$/, ''));
	});

	it('marks which criteria concern only businesses, and kt-1 as part for everyone', () => {
		const applies = Object.fromEntries(data.criteria.map((c) => [c.id, c.appliesTo]));
		expect(applies['kt-1']).toBe('mixed');
		expect(applies['kt-2']).toBe('business');
		expect(applies['kt-3']).toBe('business');
		expect(data.criteria.filter((c) => c.appliesTo === 'business')).toHaveLength(2);
	});

	it('shows no unconfirmed commune detail as confirmed', () => {
		expect(data.commune.zaloOA.provinceDigitalGov!.confirmed).toBe(false);
		expect(data.commune.complaintLine.confirmed).toBe(false);
		expect(data.commune.provinceApp.confirmed).toBe(false);
		expect(data.commune.provinceApp.planName).toBe('Tây Ninh Số');
		expect(data.commune.villages).toHaveLength(11);
	});

	it('lists each criterion in the portal manifest with its lesson URL under the base, or null', () => {
		const manifest = criteriaManifest(data, '/gia-dinh-so/');
		expect(manifest).toHaveLength(21);
		const cq1 = manifest.find((m) => m.id === 'cq-1')!;
		expect(cq1).toMatchObject({ group: 'chinh-quyen-so', url: '/gia-dinh-so/cq-1/' });
		for (const m of manifest) if (!data.lessons.some((l) => l.data.criterion === m.id)) expect(m.url).toBeNull();
	});

	it('builds the sidebar with the three groups in the plan’s order', () => {
		const sidebar = buildSidebar(data);
		expect(sidebar.slice(0, 3).map((s) => ('label' in s ? s.label : ''))).toEqual(['Chính quyền số', 'Kinh tế số', 'Xã hội số']);
	});

	it('takes the site address and base from SITE_URL and BASE_PATH', () => {
		const moved = loadSiteData(root, { env: { SITE_URL: 'https://example.gov.vn', BASE_PATH: 'so-tay' } });
		expect(moved.commune.site).toEqual({ url: 'https://example.gov.vn', base: '/so-tay/' });
	});
});

describe('bad input stops the build with the file and the field', () => {
	it('a lesson naming an unknown criterion', () => {
		const dir = copyProject();
		edit(dir, 'content/docs/cq-1.mdx', (t) => t.replace('criterion: cq-1', 'criterion: cq-9'));
		const message = problemsOf(dir);
		expect(message).toContain('content/docs/cq-1.mdx');
		expect(message).toContain('"criterion"');
		expect(message).toContain('cq-9');
	});

	it('a lesson whose file name is not its criterion (the printed QR address would lead nowhere)', () => {
		const dir = copyProject();
		renameSync(join(dir, 'content/docs/kt-6.mdx'), join(dir, 'content/docs/tien-dien.mdx'));
		const message = problemsOf(dir);
		expect(message).toContain('content/docs/tien-dien.mdx');
		expect(message).toContain('content/docs/kt-6.mdx');
	});

	it('two lessons claiming the same criterion', () => {
		const dir = copyProject();
		cpSync(join(dir, 'content/docs/cq-1.mdx'), join(dir, 'content/docs/cq-1-ban-sao.mdx'));
		const message = problemsOf(dir);
		expect(message).toMatch(/content\/docs\/cq-1(-ban-sao)?\.mdx, trường "criterion": tiêu chí "cq-1" đã có bài học/);
	});

	it('a lesson without a title', () => {
		const dir = copyProject();
		edit(dir, 'content/docs/cq-1.mdx', (t) => t.replace(/^title: .*\n/m, ''));
		expect(problemsOf(dir)).toMatch(/content\/docs\/cq-1\.mdx, trường "title": thiếu tiêu đề/);
	});

	it('a criterion without a group', () => {
		const dir = copyProject();
		edit(dir, 'content/data/criteria.yaml', (t) => t.replace('  group: chinh-quyen-so\n  wording: Có tài khoản', '  wording: Có tài khoản'));
		expect(problemsOf(dir)).toMatch(/content\/data\/criteria\.yaml, tiêu chí thứ 1 \(cq-1\), trường "group": thiếu nhóm/);
	});

	it('a criterion without its wording', () => {
		const dir = copyProject();
		edit(dir, 'content/data/criteria.yaml', (t) => t.replace(/  wording: Có sử dụng hóa đơn.*\n/, ''));
		expect(problemsOf(dir)).toMatch(/criteria\.yaml, tiêu chí thứ 7 \(kt-2\), trường "wording": thiếu lời văn/);
	});

	it('an unknown group', () => {
		const dir = copyProject();
		edit(dir, 'content/data/criteria.yaml', (t) => t.replace('group: xa-hoi-so', 'group: xa-hoi'));
		expect(problemsOf(dir)).toMatch(/criteria\.yaml, tiêu chí thứ 13 \(xh-1\), trường "group": nhóm "xa-hoi" không có/);
	});

	it('a malformed URL in the commune data', () => {
		const dir = copyProject();
		edit(dir, 'content/data/commune.yaml', (t) => t.replace('url: https://gialai.gov.vn', 'url: gialai.gov.vn'));
		expect(problemsOf(dir)).toMatch(/content\/data\/commune\.yaml, trường "portals\.province\.url": địa chỉ web không hợp lệ/);
	});

	it('a criterion without a lesson', () => {
		const dir = copyProject();
		rmSync(join(dir, 'content/docs/cq-1.mdx'));
		rmSync(join(dir, 'content/docs/xh-9.mdx'));
		expect(problemsOf(dir)).toMatch(/content\/docs: các tiêu chí sau chưa có bài học: cq-1, xh-9/);
	});

	it('a lesson that links to a site outside the allowed list', () => {
		const dir = copyProject();
		edit(dir, 'content/docs/kt-5.mdx', (t) => t + '\nXem thêm [ở đây](https://shopee-khuyen-mai.top/deal).\n');
		expect(problemsOf(dir)).toContain(
			'content/docs/kt-5.mdx: liên kết tới https://shopee-khuyen-mai.top/deal không thuộc các tên miền được phép (content/data/allowed-domains.yaml)'
		);
	});

	it('a lesson using a glossary word or a commune detail that does not exist', () => {
		const dir = copyProject();
		edit(dir, 'content/docs/cq-1.mdx', (t) => t.replace('<Term id="otp">', '<Term id="otpp">').replace('## Gặp khó khăn?', '<CommuneFact name="zaloOA.thon" />\n\n## Gặp khó khăn?'));
		const message = problemsOf(dir);
		expect(message).toContain('content/docs/cq-1.mdx, <Term id="otpp">: từ "otpp" không có trong content/data/glossary.yaml');
		expect(message).toContain('content/docs/cq-1.mdx, <CommuneFact name="zaloOA.thon">: content/data/commune.yaml không có mục "zaloOA.thon"');
	});

	it('a broken frontmatter is reported once, not also as a missing lesson', () => {
		const dir = copyProject();
		edit(dir, 'content/docs/kt-3.mdx', (t) => t.replace(/^checked: .*$/m, 'checked: hôm qua'));
		const message = problemsOf(dir);
		expect(message).toContain('content/docs/kt-3.mdx, trường "checked"');
		expect(message).not.toContain('chưa có bài học');
	});

	it('a source whose publication day is not a date', () => {
		const dir = copyProject();
		edit(dir, 'content/docs/kt-3.mdx', (t) => t.replace('published: 2023-04-11', "published: '4/2023'"));
		const message = problemsOf(dir);
		expect(message).toContain('content/docs/kt-3.mdx');
		expect(message).toContain('published');
		expect(message).toContain("'2023-07'");
	});

	it('every criterion has its lesson today', () => {
		expect(loadSiteData(root, { env: {} }).missingLessons).toEqual([]);
	});
});

describe('freshness', () => {
	const { lessons } = loadSiteData(root, { env: {} });
	// Dates relative to the data, so the test holds whatever day the lessons are re-checked.
	const checked = lessons.filter((l) => l.data.criterion).map((l) => l.data.checked!.getTime());
	const day = 24 * 3600 * 1000;
	it('lists lessons whose facts were checked more than six months ago', () => {
		const afterAll = new Date(Math.max(...checked) + 190 * day);
		expect(staleLessons(lessons, afterAll).length).toBe(checked.length);
		const oldest = Math.min(...checked);
		const justBefore = new Date(oldest + 170 * day);
		expect(staleLessons(lessons, justBefore)).toEqual([]);
		const justAfter = new Date(oldest + 190 * day);
		expect(staleLessons(lessons, justAfter).map((l) => l.data.checked!.getTime())).toContain(oldest);
	});
});
