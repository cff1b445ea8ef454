/**
 * Drawing the tally: the household list, the village's shares, the backup line and the printed
 * sheet. Each function redraws one part from the stored tally, so a village of 2,000 households
 * stays quick.
 */
import { progress } from '~/lib/answers';
import { foldKey } from '~/lib/fold-key';
import {
	formatPercent,
	householdsToGoal,
	meetsAllApplicable,
	meetsGoal,
	summarize,
	unansweredNotes,
	type Household,
	type Share,
} from '~/lib/tally';
import { daysSinceBackup, needsBackup, type StoredTally } from '~/lib/tally-store';
import { escapeHtml, fillList } from '../dom';
import { formatLocalDate } from '~/lib/date';
import type { TallyConfig } from './config';

const $ = <T extends HTMLElement = HTMLElement>(root: ParentNode, selector: string) => root.querySelector<T>(selector)!;

/** "Số nhà 12 · Đinh Văn A", the house number first since it is what the tally needs. */
export function householdTitle(h: Household): string {
	const parts = [h.houseNumber ? `Số nhà ${h.houseNumber}` : '', h.name].filter(Boolean);
	return parts.join(' · ');
}

export function item(config: TallyConfig, household: Household): HTMLLIElement {
	const li = document.createElement('li');
	li.dataset.id = household.id;
	li.innerHTML =
		'<button type="button" class="household-toggle" aria-expanded="false"><span class="hh-name"></span><span class="hh-status"></span></button>';
	fillItem(config, li, household);
	return li;
}

export function fillItem({ criteria }: TallyConfig, li: HTMLElement, h: Household) {
	$(li, '.hh-name').textContent = householdTitle(h);
	const answered = criteria.filter((c) => c.id in h.answers).length;
	const { met, applicable } = progress(criteria, h.answers);
	const done = meetsAllApplicable(criteria, h.answers) === true;
	$(li, '.hh-status').textContent = !answered
		? 'Chưa ghi kết quả'
		: `Đạt ${met}/${applicable} tiêu chí${answered < criteria.length ? ` · còn ${criteria.length - answered} chưa ghi` : ''}${done ? ' · Gia đình số ✓' : ''}`;
	li.dataset.done = String(done);
	li.dataset.search = foldKey(`${h.name} ${h.houseNumber}`);
}

export function filter(root: ParentNode, query: string) {
	const q = foldKey(query);
	for (const li of root.querySelectorAll<HTMLElement>('[data-households] > li')) li.hidden = Boolean(q) && !li.dataset.search!.includes(q);
}

export function renderSummary(root: ParentNode, config: TallyConfig, tally: StoredTally) {
	const { criteria, goal, groups } = config;
	const s = summarize(criteria, groups, tally.households);
	const set = (selector: string, text: string) => {
		const el = root.querySelector(selector);
		if (el) el.textContent = text;
	};
	const count = (share: Share) => `${share.met} / ${share.of}`;
	set('[data-sum=overall-share]', formatPercent(s.overall));
	set('[data-sum=overall-count]', count(s.overall));
	set('[data-sum=households]', String(s.households));
	const reached = meetsGoal(s.overall, goal);
	set(
		'[data-sum=goal]',
		`Mục tiêu của xã: ${goal}% số hộ. ` +
			(!s.overall.of ? '' : reached ? 'Làng đã đạt mục tiêu.' : `Cần thêm ${householdsToGoal(s.overall, goal)} hộ đạt “Gia đình số” nữa để đạt mục tiêu.`)
	);
	const bar = $(root, '[data-sum=overall-bar]');
	bar.style.inlineSize = s.overall.of ? `${(100 * s.overall.met) / s.overall.of}%` : '0';
	bar.toggleAttribute('data-goal-met', reached);
	for (const share of [...s.criteria, ...s.groups]) {
		set(`[data-count="${share.id}"]`, count(share));
		set(`[data-share="${share.id}"]`, formatPercent(share));
	}
	fillList($(root, '[data-sum=notes]'), unansweredNotes(s));
}

export function renderBackup(root: ParentNode, t: StoredTally) {
	const now = new Date();
	const days = daysSinceBackup(t, now);
	const when = t.lastBackup
		? `Lần gửi hoặc lưu tệp gần nhất: ${formatLocalDate(new Date(t.lastBackup))}${days ? ` (${days} ngày trước)` : ' (hôm nay)'}.`
		: 'Chưa gửi hay lưu tệp lần nào.';
	const pending = t.changedSinceBackup && t.households.length ? ' Có thay đổi chưa gửi.' : '';
	$(root, '[data-backup-status]').textContent = when + pending;
	const reminder = $(root, '[data-reminder]');
	reminder.hidden = !needsBackup(t, now);
	reminder.innerHTML = `${escapeHtml(when)} <a href="#gui">Nhớ gửi tệp cho xã</a> để khỏi mất sổ khi điện thoại hỏng.`;
}
