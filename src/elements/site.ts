/**
 * The one script every page loads: each module defines the custom element of one control, and
 * does nothing on pages without it. One file instead of one per control saves requests on a slow
 * connection. Controls that only some pages or phones have load their code only there: the
 * search itself on first use, the lesson's checklist line near the end of a lesson, the save
 * control and the stored-pages list where they appear, and "Nghe bài" only on a phone with a
 * Vietnamese voice.
 */
import { isVietnamese } from '~/lib/vietnamese-voice';
import './search';
import './offline';
import './lesson-share';
import './lesson-done-loader';

if (document.querySelector('gds-offline-save')) import('./offline-save');
if (document.querySelector('gds-stored-pages')) import('./stored-pages');
if (document.querySelector('gds-that-hay-lua')) import('./that-hay-lua');

/** Calls `load` once the phone lists a Vietnamese voice; voices may arrive after the page loads. */
function whenVietnameseVoice(load: () => void) {
	if (!('speechSynthesis' in window)) return;
	let done = false;
	const check = () => {
		if (done || !speechSynthesis.getVoices().some(isVietnamese)) return;
		done = true;
		load();
	};
	check();
	speechSynthesis.addEventListener?.('voiceschanged', check);
}
if (document.querySelector('gds-listen')) whenVietnameseVoice(() => import('./lesson-listen'));
