import type { SiteData } from '../data/load';
import { withBase } from '../lib/base';

export interface CriterionEntry {
	id: string;
	group: string;
	title: string;
	wording: string;
	/** Site-absolute URL of the lesson, base included; null while the criterion has no lesson. */
	url: string | null;
}

/** dist/criteria.json: what the commune portal reads to list the criteria and link the lessons. */
export function criteriaManifest({ criteria, lessons }: SiteData, base: string): CriterionEntry[] {
	return criteria.map((c) => {
		const lesson = lessons.find((l) => l.data.criterion === c.id);
		return {
			id: c.id,
			group: c.group,
			title: c.title,
			wording: c.wording,
			url: lesson ? withBase(`${lesson.slug}/`, base) : null,
		};
	});
}
