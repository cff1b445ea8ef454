/**
 * What a team leader fills in for one household, loaded when a household is first opened: its
 * house number and (optional) name, and one compact grid of the criteria, a row each with big
 * Đạt / Chưa đạt buttons.
 */
import { allowedStates, type AnswerState } from '~/lib/answers';
import { criterionNumber } from '~/lib/criterion';
import type { Household } from '~/lib/tally';
import { escapeHtml } from '../dom';
import type { TallyConfig } from './config';
import css from './editor.css?inline';

const LABELS: Record<AnswerState, string> = { dat: 'Đạt', 'chua-dat': 'Chưa đạt', 'khong-ap-dung': 'Không áp dụng' };
const $ = <T extends HTMLElement = HTMLElement>(root: ParentNode, selector: string) => root.querySelector<T>(selector)!;
let editor: HTMLElement | undefined;

/** A fresh editor, built from the data once and cloned for each household. */
export function newEditor({ criteria, groups, titles }: TallyConfig): HTMLElement {
	if (!editor) {
		document.head.append(Object.assign(document.createElement('style'), { textContent: css }));
		const title = (id: string) => `<span class="id">${criterionNumber(id)}</span> ${escapeHtml(titles[id] ?? '')}`;
		const grid = groups
			.map(
				(group) =>
					`<p class="grid-group">${escapeHtml(group.name)}</p>` +
					criteria
						.filter((c) => c.group === group.id)
						.map(
							(c) =>
								`<fieldset data-criterion="${c.id}"${c.appliesTo === 'business' ? ' class="three"' : ''}><legend>${title(c.id)}</legend>` +
								allowedStates(c)
									.map((state) => `<label class="choice ${state}"><input type="radio" name="tra-loi-${c.id}" value="${state}"><span>${LABELS[state]}</span></label>`)
									.join('') +
								'</fieldset>'
						)
						.join('')
			)
			.join('');
		const business = criteria.filter((c) => c.appliesTo === 'business').map((c) => criterionNumber(c.id));
		editor = document.createElement('div');
		editor.className = 'editor';
		editor.tabIndex = -1;
		editor.innerHTML =
			'<div class="names"><label>Số nhà <input data-field="houseNumber" autocomplete="off"></label><label>Tên hộ <span class="hint">(không bắt buộc)</span> <input data-field="name" autocomplete="off"></label></div>' +
			'<p class="message" data-editor-message role="alert"></p><p class="left" data-left aria-live="polite"></p>' +
			`<div class="grid">${grid}</div>` +
			(business.length ? `<p class="hint">${business.join(', ')}: chỉ tính với hộ kinh doanh, nhà trọ, khách sạn; hộ khác chọn “Không áp dụng”.</p>` : '') +
			'<div class="actions"><button type="button" class="secondary" data-action="rest-dat">Đạt cho các tiêu chí còn trống</button><button type="button" data-action="close">Xong, đóng lại</button><button type="button" class="danger" data-action="remove">Xóa hộ này</button></div>' +
			'<div class="confirm" data-remove-confirm hidden><p>Xóa hộ <strong data-remove-name></strong> khỏi sổ? Xóa rồi thì không lấy lại được, trừ khi đã có tệp sao lưu.</p><button type="button" class="danger" data-action="remove-yes">Xóa hộ</button><button type="button" class="secondary" data-action="remove-no">Không xóa</button></div>';
	}
	return editor.cloneNode(true) as HTMLElement;
}

export function fillEditor(editor: HTMLElement, h: Household) {
	$<HTMLInputElement>(editor, '[data-field=name]').value = h.name;
	$<HTMLInputElement>(editor, '[data-field=houseNumber]').value = h.houseNumber;
	for (const input of editor.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
		const id = input.closest<HTMLElement>('[data-criterion]')!.dataset.criterion!;
		input.checked = h.answers[id] === input.value;
	}
	editorProgress(editor, h);
}

/** "Còn 5 tiêu chí chưa chọn", above the grid's buttons. */
export function editorProgress(editor: HTMLElement, h: Household) {
	const rows = editor.querySelectorAll<HTMLElement>('[data-criterion]');
	const left = [...rows].filter((r) => !(r.dataset.criterion! in h.answers)).length;
	$(editor, '[data-left]').textContent = left ? `Còn ${left} tiêu chí chưa chọn.` : 'Đã chọn đủ các tiêu chí.';
}
