/**
 * The validated site data, loaded once per build by astro.config.mjs and published by the
 * integration as "virtual:gds/data", with the lookups that pages and components share.
 * Nothing about a criterion is written anywhere but the data files.
 */
import { site, scenarios } from 'virtual:gds/data';
import type { Lesson } from './load';
import { siteIdentity } from './identity';
import type { Criterion, Group } from './schema';

export { site };
export const identity = siteIdentity(site.commune, site.criteria.length);
export const { groups, criteria, commune, lessons, glossary } = site;
export { scenarios };

export function groupOf(criterion: Criterion): Group {
	return groups.find((g) => g.id === criterion.group)!;
}

export function criteriaIn(group: Group): Criterion[] {
	return criteria.filter((c) => c.group === group.id);
}

export function criterionById(id: string): Criterion | undefined {
	return criteria.find((c) => c.id === id);
}

export function lessonFor(criterionId: string): Lesson | undefined {
	return lessons.find((l) => l.data.criterion === criterionId);
}

export function glossaryEntry(id: string) {
	const entry = glossary.find((g) => g.id === id);
	if (!entry) throw new Error(`<Term id="${id}">: từ "${id}" không có trong content/data/glossary.yaml`);
	return entry;
}
