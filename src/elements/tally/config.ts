/** What the tally's custom elements are told by the page: the criteria, groups, goal and villages, from the data. */
import type { CriterionRef } from '~/lib/answers';
import type { GroupRef } from '~/lib/tally';
import type { VillageRef } from '~/lib/tally-merge';

export interface TallyConfig {
	criteria: CriterionRef[];
	groups: GroupRef[];
	goal: number;
	/** The commune's villages (names may be empty until the commune fills them in). */
	villages: VillageRef[];
	/** Each criterion's short title, for the answer grid and the tables built on use. */
	titles: Record<string, string>;
}

/** What the commune report adds: the office's name. */
export interface ReportConfig extends TallyConfig {
	office: string;
}
