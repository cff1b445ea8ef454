/** Test households: each criterion answered with one of its allowed states, the same for a given seed. */
import { STATES, type Answers, type CriterionRef } from '../../src/lib/answers';

export function randomAnswers(criteria: CriterionRef[], seed: number): Answers {
	const answers: Answers = {};
	for (const c of criteria) {
		seed = (seed * 1103515245 + 12345) % 2 ** 31;
		const options = c.appliesTo === 'business' ? STATES : STATES.slice(0, 2);
		answers[c.id] = options[seed % options.length]!;
	}
	return answers;
}
