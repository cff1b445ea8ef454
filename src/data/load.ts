/**
 * Reads and checks the project's data and lesson frontmatter before Astro builds anything, so
 * that a mistake stops the build with one message per problem, naming the file and the field.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'astro/zod';
import {
	allowedDomainsSchema,
	communeSchema,
	criterionSchema,
	groupSchema,
	glossaryEntrySchema,
	type GlossaryEntry,
	lessonFrontmatterSchema,
	type Commune,
	type Criterion,
	type Group,
	type LessonFrontmatter,
} from './schema';
import { externalLinks, urlAllowed } from '../lib/links';
import { communeFact } from '../lib/commune';
import { firstDay, formatDate, formatPublished } from '../lib/date';

export const DATA_DIR = 'content/data';
export const DOCS_DIR = 'content/docs';

/** A problem a commune clerk can fix: the file, where in it, and what is wrong. */
export interface Problem {
	file: string;
	where?: string;
	message: string;
}

export class SiteDataError extends Error {
	constructor(readonly problems: Problem[]) {
		super(
			`Dữ liệu hoặc bài học có lỗi, trang chưa được xây dựng:\n` +
				problems.map((p) => `  - ${formatProblem(p)}`).join('\n')
		);
		this.name = 'SiteDataError';
	}
}

export function formatProblem(p: Problem): string {
	return `${p.file}${p.where ? `, ${p.where}` : ''}: ${p.message}`;
}

export interface Lesson {
	/** Path from the project root, with forward slashes. */
	file: string;
	/** The page's slug, which is its URL below the base: "cq-1". */
	slug: string;
	data: LessonFrontmatter;
}

export interface SiteData {
	groups: Group[];
	criteria: Criterion[];
	commune: Commune;
	allowedDomains: string[];
	glossary: GlossaryEntry[];
	lessons: Lesson[];
	/** Criteria that have no lesson yet, in the plan's order. */
	missingLessons: string[];
}

const toPosix = (p: string) => p.split(sep).join('/');

function readYaml(root: string, file: string, problems: Problem[]): unknown {
	const path = join(root, file);
	if (!existsSync(path)) {
		problems.push({ file, message: 'không tìm thấy tệp' });
		return undefined;
	}
	try {
		return parseYaml(readFileSync(path, 'utf8'));
	} catch (error) {
		problems.push({ file, message: `không đọc được YAML (${(error as Error).message.split('\n')[0]})` });
		return undefined;
	}
}

/** Turns schema issues into problems; `item` names the list item they belong to ("tiêu chí thứ 3 (cq-3)"). */
function collect(file: string, issues: z.core.$ZodIssue[], problems: Problem[], item?: (index: number) => string) {
	for (const issue of issues) {
		const path = [...issue.path];
		const parts: string[] = [];
		if (item && typeof path[0] === 'number') parts.push(item(path.shift() as number));
		// Positions are counted as people count them: the first item is "thứ 1".
		const field = path.filter((k) => typeof k !== 'number').map(String).join('.');
		const position = path.filter((k) => typeof k === 'number').map((n) => `mục thứ ${(n as number) + 1}`);
		if (field) parts.push(`trường "${field}"`);
		parts.push(...position);
		problems.push({ file, where: parts.join(', ') || undefined, message: issue.message });
	}
}

function validateList<T>(
	root: string,
	file: string,
	schema: z.ZodType<T>,
	noun: string,
	problems: Problem[]
): T[] {
	const raw = readYaml(root, file, problems);
	if (raw === undefined) return [];
	if (!Array.isArray(raw)) {
		problems.push({ file, message: `tệp phải là một danh sách ${noun}` });
		return [];
	}
	const items: T[] = [];
	raw.forEach((item, index) => {
		const result = schema.safeParse(item);
		const id = item && typeof item === 'object' && 'id' in item ? ` (${String(item.id)})` : '';
		if (result.success) items.push(result.data);
		else
			collect(
				file,
				result.error.issues.map((issue) => ({ ...issue, path: [index, ...issue.path] })),
				problems,
				() => `${noun} thứ ${index + 1}${id}`
			);
	});
	return items;
}

/** Reads the frontmatter block at the top of an MDX file. */
export function readFrontmatter(source: string): unknown {
	const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
	if (!match) return {};
	return parseYaml(match[1]) ?? {};
}

function listDocs(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile() && /\.mdx?$/.test(e.name) && !e.name.startsWith('_'))
		.map((e) => join(e.parentPath, e.name))
		.sort();
}

export function scanLessons(
	root: string,
	criteria: Criterion[],
	allowedDomains: string[],
	problems: Problem[],
	brokenClaims: Set<string> = new Set(),
	refs: { terms?: Set<string>; communeFact?: (name: string) => boolean; today?: string } = {}
): Lesson[] {
	const today = refs.today ?? todayInVietnam();
	const known = new Set(criteria.map((c) => c.id));
	const claimed = new Map<string, string>();
	const lessons: Lesson[] = [];
	for (const path of listDocs(join(root, DOCS_DIR))) {
		const file = toPosix(relative(root, path));
		const slug = toPosix(relative(join(root, DOCS_DIR), path)).replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '');
		let raw: unknown;
		const source = readFileSync(path, 'utf8');
		// Teaching people to avoid fake sites starts with the site itself: a lesson links only to
		// official .gov.vn sites and the services named in allowed-domains.yaml.
		for (const url of externalLinks(source.replace(/^---[\s\S]*?\n---/, '')))
			if (!urlAllowed(url, allowedDomains))
				problems.push({ file, message: `liên kết tới ${url} không thuộc các tên miền được phép (${DATA_DIR}/allowed-domains.yaml)` });
		// Components named in the body must point at real data, or the page could not be built.
		for (const [, id] of source.matchAll(/<Term\s+id="([^"]+)"/g))
			if (refs.terms && !refs.terms.has(id!))
				problems.push({ file, where: `<Term id="${id}">`, message: `từ "${id}" không có trong ${DATA_DIR}/glossary.yaml` });
		for (const [, name] of source.matchAll(/<CommuneFact\s+name="([^"]+)"/g))
			if (refs.communeFact && !refs.communeFact(name!))
				problems.push({ file, where: `<CommuneFact name="${name}">`, message: `${DATA_DIR}/commune.yaml không có mục "${name}"` });
		try {
			raw = readFrontmatter(source);
		} catch (error) {
			problems.push({ file, where: 'phần đầu (frontmatter)', message: `không đọc được YAML (${(error as Error).message.split('\n')[0]})` });
			continue;
		}
		const result = lessonFrontmatterSchema.safeParse(raw);
		if (!result.success) {
			collect(file, result.error.issues, problems);
			// The lesson exists, only its frontmatter is wrong: do not also report its criterion as untaught.
			const claimed = (raw as { criterion?: unknown } | null)?.criterion;
			if (typeof claimed === 'string') brokenClaims.add(claimed);
			continue;
		}
		problems.push(...futureDates(file, result.data, today));
		const { criterion } = result.data;
		if (criterion) {
			if (!known.has(criterion)) {
				problems.push({
					file,
					where: 'trường "criterion"',
					message: `tiêu chí "${criterion}" không có trong ${DATA_DIR}/criteria.yaml`,
				});
				continue;
			}
			const first = claimed.get(criterion);
			if (first) {
				problems.push({
					file,
					where: 'trường "criterion"',
					message: `tiêu chí "${criterion}" đã có bài học ${first}; mỗi tiêu chí chỉ có một bài`,
				});
				continue;
			}
			claimed.set(criterion, file);
			// The file name is the lesson's address, printed as a QR code on every handout: it must be
			// the criterion's id, or a printed code would lead to a page that does not exist.
			if (slug !== criterion)
				problems.push({
					file,
					where: 'tên tệp',
					message: `bài học của tiêu chí "${criterion}" phải có tên tệp ${DOCS_DIR}/${criterion}.mdx (địa chỉ in trên mã QR)`,
				});
		}
		lessons.push({ file, slug, data: result.data });
	}
	return lessons;
}

/** Today's date in Vietnam, "2026-11-30": a date written in a lesson is a Vietnamese calendar day. */
export function todayInVietnam(now: Date = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

/**
 * A "checked" or "published" date after today cannot be true: someone typed the wrong year, or
 * wrote the day they plan to check. Each such date is a problem naming its field.
 */
export function futureDates(file: string, data: LessonFrontmatter, today: string): Problem[] {
	const problems: Problem[] = [];
	const day = (d: Date) => d.toISOString().slice(0, 10);
	const todayText = formatDate(new Date(`${today}T00:00:00Z`));
	const future = (what: string, d: Date) => `${what} ${formatDate(d)} còn ở sau hôm nay (${todayText}); chỉ ghi ngày đã qua`;
	if (data.checked && day(data.checked) > today)
		problems.push({ file, where: 'trường "checked"', message: future('ngày kiểm tra', data.checked) });
	data.sources.forEach((source, index) => {
		const where = (field: string) => `trường "sources.${field}", mục thứ ${index + 1}`;
		if (source.checked && day(source.checked) > today)
			problems.push({ file, where: where('checked'), message: future('ngày kiểm tra', source.checked) });
		if (source.published && firstDay(source.published) > today)
			problems.push({
				file,
				where: where('published'),
				message: `${formatPublished(source.published)} còn ở sau hôm nay (${todayText}); chỉ ghi ngày đã qua`,
			});
	});
	return problems;
}

function checkSiteOverride(commune: Commune, env: NodeJS.ProcessEnv, problems: Problem[]): Commune {
	const site = { ...commune.site };
	if (env.SITE_URL) site.url = env.SITE_URL;
	if (env.BASE_PATH) site.base = env.BASE_PATH.replace(/^\/?/, '/').replace(/\/?$/, '/');
	const result = communeSchema.shape.site.safeParse(site);
	if (!result.success) {
		for (const issue of result.error.issues) {
			const field = String(issue.path[0]);
			const fromEnv = field === 'url' ? env.SITE_URL : env.BASE_PATH;
			problems.push({
				file: fromEnv ? `biến môi trường ${field === 'url' ? 'SITE_URL' : 'BASE_PATH'}` : `${DATA_DIR}/commune.yaml`,
				where: `trường "site.${field}"`,
				message: issue.message,
			});
		}
		return commune;
	}
	return { ...commune, site: result.data };
}

/**
 * Loads everything the site is generated from. Throws SiteDataError listing every problem.
 * Every criterion must have its lesson (`requireAllLessons`, on by default since all 21 exist);
 * turned off, a criterion without a lesson is only listed in `missingLessons`.
 */
export function loadSiteData(
	root: string,
	{
		env = process.env,
		requireAllLessons = true,
		today,
	}: { env?: NodeJS.ProcessEnv; requireAllLessons?: boolean; /** "2026-11-30"; by default today in Vietnam. */ today?: string } = {}
): SiteData {
	const problems: Problem[] = [];
	const groups = validateList(root, `${DATA_DIR}/groups.yaml`, groupSchema, 'nhóm', problems);
	const criteria = validateList(root, `${DATA_DIR}/criteria.yaml`, criterionSchema, 'tiêu chí', problems);

	const groupIds = new Set(groups.map((g) => g.id));
	const seen = new Set<string>();
	criteria.forEach((c, index) => {
		const where = `tiêu chí thứ ${index + 1} (${c.id})`;
		if (!groupIds.has(c.group))
			problems.push({
				file: `${DATA_DIR}/criteria.yaml`,
				where: `${where}, trường "group"`,
				message: `nhóm "${c.group}" không có trong ${DATA_DIR}/groups.yaml (các nhóm: ${[...groupIds].join(', ')})`,
			});
		if (seen.has(c.id))
			problems.push({ file: `${DATA_DIR}/criteria.yaml`, where: `${where}, trường "id"`, message: `mã "${c.id}" bị trùng` });
		seen.add(c.id);
	});

	let commune = {} as Commune;
	// COMMUNE_FILE builds another commune's handbook from its own commune.yaml (the tests build a second one).
	const communeFile = env.COMMUNE_FILE || `${DATA_DIR}/commune.yaml`;
	const rawCommune = readYaml(root, communeFile, problems);
	if (rawCommune !== undefined) {
		const result = communeSchema.safeParse(rawCommune);
		if (result.success) commune = checkSiteOverride(result.data, env, problems);
		else collect(communeFile, result.error.issues, problems);
	}

	const domainsFile = `${DATA_DIR}/allowed-domains.yaml`;
	const rawDomains = readYaml(root, domainsFile, problems);
	let allowedDomains: string[] = [];
	if (rawDomains !== undefined) {
		const result = allowedDomainsSchema.safeParse(rawDomains);
		if (result.success) allowedDomains = result.data;
		else collect(domainsFile, result.error.issues, problems, (i) => `mục thứ ${i + 1}`);
	}

	const glossary = validateList(root, `${DATA_DIR}/glossary.yaml`, glossaryEntrySchema, 'từ', problems);

	const brokenClaims = new Set<string>();
	const lessons = scanLessons(root, criteria, allowedDomains, problems, brokenClaims, {
		terms: new Set(glossary.map((g) => g.id)),
		today,
		communeFact: (name) => {
			if (!commune.site) return true; // the commune data has its own errors, reported above
			try {
				communeFact(commune, name);
				return true;
			} catch {
				return false;
			}
		},
	});
	const taught = new Set([...lessons.map((l) => l.data.criterion), ...brokenClaims]);
	const missingLessons = criteria.filter((c) => !taught.has(c.id)).map((c) => c.id);
	if (requireAllLessons && missingLessons.length)
		problems.push({
			file: DOCS_DIR,
			message: `các tiêu chí sau chưa có bài học: ${missingLessons.join(', ')}. Mỗi tiêu chí cần một tệp .mdx có "criterion: <mã>"`,
		});

	if (problems.length) throw new SiteDataError(problems);
	return { groups, criteria, commune, allowedDomains, glossary, lessons, missingLessons };
}

/** Lessons whose facts were last checked more than `months` ago: the build warns about each. */
export function staleLessons(lessons: Lesson[], now: Date = new Date(), months = 6): Lesson[] {
	const limit = new Date(now);
	limit.setUTCMonth(limit.getUTCMonth() - months);
	return lessons.filter((l) => l.data.criterion && l.data.checked && l.data.checked < limit);
}
