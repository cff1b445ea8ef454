/**
 * The scenarios of "Thật hay lừa?" (content/data/that-hay-lua.yaml), checked before the page is
 * built: a wrong field stops the build with one Vietnamese message per problem, naming the file,
 * the scenario and the field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { DATA_DIR, DOCS_DIR, SiteDataError, type Problem } from './load';

export const PRACTICE_FILE = `${DATA_DIR}/that-hay-lua.yaml`;

const text = (what: string) => z.string({ error: `cần ${what}` }).trim().min(1, `cần ${what}`);

export const scenarioSchema = z.object({
	id: z.string({ error: 'cần một tên ngắn' }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'chỉ dùng chữ thường không dấu, số và dấu "-"'),
	kind: z.enum(['sms', 'zalo', 'call'], { error: 'phải là sms (tin nhắn), zalo (tin Zalo) hoặc call (cuộc gọi)' }),
	from: text('người gửi hoặc người gọi'),
	context: text('một câu về chuyện xảy ra trước').optional(),
	message: text('nội dung tin nhắn hoặc lời người gọi'),
	answer: z.enum(['that', 'lua'], { error: 'phải là that (thật) hoặc lua (lừa)' }),
	sign: text('dấu hiệu cần nhìn'),
	todo: text('việc nên làm'),
	read: z
		.string()
		.regex(/^[a-z0-9-]+\/(#[a-z0-9-]+)?$/, 'phải là một trang của sổ tay, ví dụ an-toan/#gia-danh-cong-an')
		.optional(),
});

export type Scenario = z.infer<typeof scenarioSchema>;

export const KIND_LABEL: Record<Scenario['kind'], string> = { sms: 'Tin nhắn', zalo: 'Tin Zalo', call: 'Cuộc gọi' };

/** Checks the file's content; returns the scenarios and every problem found. `root` finds the lessons `read` points to. */
export function checkScenarios(raw: unknown, root?: string): { scenarios: Scenario[]; problems: Problem[] } {
	const file = PRACTICE_FILE;
	const problems: Problem[] = [];
	const list = (raw as { scenarios?: unknown } | null)?.scenarios;
	if (!Array.isArray(list)) return { scenarios: [], problems: [{ file, message: 'cần mục "scenarios:" là một danh sách tình huống' }] };
	const scenarios: Scenario[] = [];
	const seen = new Set<string>();
	list.forEach((item, index) => {
		const id = item && typeof item === 'object' && 'id' in item ? ` (${String(item.id)})` : '';
		const where = `tình huống thứ ${index + 1}${id}`;
		const result = scenarioSchema.safeParse(item);
		if (!result.success) {
			for (const issue of result.error.issues)
				problems.push({ file, where: `${where}, trường "${issue.path.join('.') || '?'}"`, message: issue.message });
			return;
		}
		const s = result.data;
		if (seen.has(s.id)) problems.push({ file, where: `${where}, trường "id"`, message: `tên "${s.id}" đã dùng cho một tình huống khác` });
		seen.add(s.id);
		if (s.read && root) {
			const [page, anchor] = s.read.split('/#') as [string, string | undefined];
			const doc = join(root, DOCS_DIR, `${page.replace(/\/$/, '')}.mdx`);
			if (!existsSync(doc)) problems.push({ file, where: `${where}, trường "read"`, message: `không có bài ${DOCS_DIR}/${page.replace(/\/$/, '')}.mdx` });
			else if (anchor && !readFileSync(doc, 'utf8').includes(`id="${anchor}"`))
				problems.push({ file, where: `${where}, trường "read"`, message: `bài ${page.replace(/\/$/, '')} không có mục #${anchor}` });
		}
		scenarios.push(s);
	});
	return { scenarios, problems };
}

/** Reads and checks the scenarios; stops the build with every problem if any. */
export function loadScenarios(root: string = process.cwd()): Scenario[] {
	const path = join(root, PRACTICE_FILE);
	let raw: unknown;
	try {
		raw = parseYaml(readFileSync(path, 'utf8'));
	} catch (error) {
		throw new SiteDataError([{ file: PRACTICE_FILE, message: existsSync(path) ? `không đọc được YAML (${(error as Error).message.split('\n')[0]})` : 'không tìm thấy tệp' }]);
	}
	const { scenarios, problems } = checkScenarios(raw, root);
	if (problems.length) throw new SiteDataError(problems);
	return scenarios;
}
