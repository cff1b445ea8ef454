/** What the tally's custom elements are told by the page: the criteria, groups and goal, from the data. */
import type { CriterionRef } from '~/lib/answers';
import type { GroupRef } from '~/lib/tally';

export interface TallyConfig {
	criteria: CriterionRef[];
	groups: GroupRef[];
	goal: number;
}
