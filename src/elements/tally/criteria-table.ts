/**
 * The village's shares by group and by criterion, built once the tally has households: an empty
 * tally has nothing to show in it, and a first visit does not carry its 21 rows. <gds-tally>
 * fills in the numbers (renderSummary).
 */
import { criterionNumber } from '~/lib/criterion';
import { escapeHtml } from '../dom';
import type { TallyConfig } from './config';
import css from './criteria-table.css?inline';

export function buildCriteriaTable(host: HTMLElement, { criteria, groups, titles }: TallyConfig) {
	if (host.firstChild) return;
	document.head.append(Object.assign(document.createElement('style'), { textContent: css }));
	const row = (id: string, label: string, cls = '') =>
		`<tr${cls}><th scope="row">${label}</th><td data-count="${id}">0 / 0</td><td data-share="${id}">—</td></tr>`;
	const bodies = groups
		.map(
			(g) =>
				`<tbody>${row(g.id, `${escapeHtml(g.name)}: đạt cả nhóm`, ' class="group"')}` +
				criteria
					.filter((c) => c.group === g.id)
					.map((c) => row(c.id, `<span class="id">${criterionNumber(c.id)}</span> ${escapeHtml(titles[c.id] ?? '')}`))
					.join('') +
				'</tbody>'
		)
		.join('');
	host.innerHTML =
		'<div class="scroll" tabindex="0" role="region" aria-label="Bảng tỉ lệ đạt của làng"><table><caption>Tỉ lệ đạt theo nhóm và theo từng tiêu chí. Một tiêu chí chỉ tính trong số hộ mà nó áp dụng; tiêu chí chưa ghi tính là chưa đạt.</caption>' +
		`<thead><tr><th scope="col">Nhóm / tiêu chí</th><th scope="col">Hộ đạt</th><th scope="col">Tỉ lệ</th></tr></thead>${bodies}</table></div>`;
}
