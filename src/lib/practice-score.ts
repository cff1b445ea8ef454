/**
 * The score of "Thật hay lừa?", kept on the phone. Only a scenario's FIRST answer counts: reading
 * why and changing one's mind is learning, not scoring.
 */
export type Verdict = 'that' | 'lua';
export type FirstAnswers = Record<string, Verdict>;

export const PRACTICE_KEY = 'gds:that-hay-lua';

export function parseAnswers(raw: string | null): FirstAnswers {
	try {
		const value = JSON.parse(raw ?? '{}');
		if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
		return Object.fromEntries(Object.entries(value).filter(([, v]) => v === 'that' || v === 'lua')) as FirstAnswers;
	} catch {
		return {};
	}
}

/** Records an answer unless the scenario already has one; returns the new answers. */
export function answer(answers: FirstAnswers, id: string, verdict: Verdict): FirstAnswers {
	return id in answers ? answers : { ...answers, [id]: verdict };
}

/** Answered and right, counting only scenarios that still exist. */
export function score(answers: FirstAnswers, truth: Record<string, Verdict>) {
	const ids = Object.keys(answers).filter((id) => id in truth);
	return { answered: ids.length, right: ids.filter((id) => answers[id] === truth[id]).length, total: Object.keys(truth).length };
}

export function scoreText({ answered, right, total }: ReturnType<typeof score>): string {
	if (answered === 0) return `Chưa trả lời tình huống nào (có ${total} tình huống).`;
	return `Đã trả lời ${answered}/${total} tình huống, đúng ngay lần đầu ${right} tình huống.`;
}
