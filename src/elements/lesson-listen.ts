/** "Nghe bài" (markup in src/components/LessonListen.astro). */
import { pickVietnameseVoice, speechPieces } from '~/lib/speech';

/** Elements whose text is read as one piece, in page order. */
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, dt, dd, th, td, figcaption, blockquote, summary';
/** What is not part of the lesson itself: controls and links for the screen, pictures, sources, paper-only parts. */
const SKIP =
	'script, style, svg, noscript, button, [aria-hidden="true"], [hidden], [data-pagefind-ignore], .screen-only, .sources, .print-only, .print-footer';

/** The lesson's text, block by block: its title, then what is shown of its content. */
function lessonBlocks(content: Element): { text: string; block: Element }[] {
	const texts = new Map<Element, string>();
	const title = document.querySelector('main h1');
	if (title) texts.set(title, title.textContent ?? '');
	const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT, {
		acceptNode: (node) => (node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
	});
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const block = node.parentElement!.closest(BLOCKS) ?? node.parentElement!;
		if (block.checkVisibility && !block.checkVisibility()) continue;
		texts.set(block, (texts.get(block) ?? '') + (node.textContent ?? ''));
	}
	return [...texts].map(([block, text]) => ({ block, text }));
}

class GdsListen extends HTMLElement {
	#voice?: SpeechSynthesisVoice;
	#state: 'idle' | 'playing' | 'paused' = 'idle';
	#current?: Element;

	connectedCallback() {
		if (!('speechSynthesis' in window) || typeof SpeechSynthesisUtterance !== 'function') return;
		const synth = window.speechSynthesis;
		const findVoice = () => {
			this.#voice = pickVietnameseVoice(synth.getVoices());
			this.hidden = !this.#voice;
		};
		findVoice();
		// Voices often arrive a moment after the page loads.
		synth.addEventListener('voiceschanged', findVoice);
		this.querySelector('.play')!.addEventListener('click', () => this.#toggle());
		this.querySelector('.stop')!.addEventListener('click', () => this.#stop());
		window.addEventListener('pagehide', () => this.#stop());
	}

	#toggle() {
		const synth = window.speechSynthesis;
		if (this.#state === 'playing') {
			synth.pause();
			this.#set('paused');
		} else if (this.#state === 'paused') {
			synth.resume();
			this.#set('playing');
		} else this.#play();
	}

	#play() {
		const synth = window.speechSynthesis;
		const voice = this.#voice;
		const content = this.closest('.sl-markdown-content');
		if (!voice || !content) return;
		synth.cancel();
		const pieces = speechPieces(lessonBlocks(content));
		pieces.forEach(({ text, block }, i) => {
			const utterance = new SpeechSynthesisUtterance(text);
			utterance.voice = voice;
			utterance.lang = voice.lang.replace('_', '-');
			// A little slower than usual: many listeners speak Ba Na at home.
			utterance.rate = 0.9;
			utterance.addEventListener('start', () => this.#mark(block));
			if (i === pieces.length - 1) utterance.addEventListener('end', () => this.#stop());
			synth.speak(utterance);
		});
		this.#set('playing');
	}

	#stop() {
		if (this.#state === 'idle') return;
		window.speechSynthesis.cancel();
		this.#mark(undefined);
		this.#set('idle');
	}

	/** Outlines the block being read and keeps it on screen. */
	#mark(block: Element | undefined) {
		this.#current?.removeAttribute('data-reading');
		this.#current = block;
		if (!block) return;
		block.setAttribute('data-reading', '');
		const box = block.getBoundingClientRect();
		if (box.top < 0 || box.bottom > window.innerHeight) block.scrollIntoView({ block: 'center', behavior: 'smooth' });
	}

	#set(state: 'idle' | 'playing' | 'paused') {
		this.#state = state;
		const play = this.querySelector('.play')!;
		play.setAttribute('aria-pressed', String(state !== 'idle'));
		play.querySelector('.label')!.textContent = { idle: 'Nghe bài', playing: 'Tạm dừng', paused: 'Nghe tiếp' }[state];
		this.querySelector<HTMLElement>('.stop')!.hidden = state === 'idle';
	}
}
customElements.define('gds-listen', GdsListen);
