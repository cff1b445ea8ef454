/**
 * Reading a lesson aloud: which voice may read it, and how to cut its text into pieces a phone's
 * speech engine will say in full (Chrome on Android stops long utterances part way).
 */
import { isVietnamese } from './vietnamese-voice';

/** The parts of SpeechSynthesisVoice the choice depends on. */
export interface VoiceLike {
	lang: string;
	name: string;
	localService?: boolean;
	default?: boolean;
}

/**
 * A Vietnamese voice, or none: an English voice reading Vietnamese is worse than silence.
 * Prefers vi-VN, then a voice on the phone itself (it works without data), then the default.
 */
export function pickVietnameseVoice<V extends VoiceLike>(voices: readonly V[]): V | undefined {
	const score = (v: V) => (/^vi[-_]vn$/i.test(v.lang) ? 4 : 0) + (v.localService ? 2 : 0) + (v.default ? 1 : 0);
	return voices.filter(isVietnamese).sort((a, b) => score(b) - score(a))[0];
}

/** Longest piece given to the engine at once, in characters. */
export const MAX_CHUNK = 200;

/**
 * Cuts one block of text (a paragraph, a step) into pieces of at most `max` characters, at
 * sentence ends where it can, then at commas, then at spaces, so the voice pauses naturally.
 */
export function splitForSpeech(text: string, max: number = MAX_CHUNK): string[] {
	const clean = text.replace(/\s+/g, ' ').trim();
	if (!clean) return [];
	if (clean.length <= max) return [clean];
	const pieces: string[] = [];
	for (const sentence of clean.match(/[^.!?;:…]+[.!?;:…]*\s*/g) ?? [clean]) {
		const last = pieces.at(-1);
		if (last !== undefined && last.length + sentence.length <= max) pieces[pieces.length - 1] = last + sentence;
		else pieces.push(...splitLong(sentence, max));
	}
	return pieces.map((p) => p.trim()).filter(Boolean);
}

function splitLong(sentence: string, max: number): string[] {
	if (sentence.length <= max) return [sentence];
	const out: string[] = [];
	let rest = sentence;
	while (rest.length > max) {
		const window = rest.slice(0, max + 1);
		let cut = window.lastIndexOf(', ');
		if (cut < max / 3) cut = window.lastIndexOf(' ');
		if (cut <= 0) cut = max;
		else cut += 1;
		out.push(rest.slice(0, cut));
		rest = rest.slice(cut);
	}
	if (rest.trim()) out.push(rest);
	return out;
}

/** A piece of the lesson to say, and the block it came from (to show the reader where we are). */
export interface SpeechPiece<B> {
	text: string;
	block: B;
}

/** Turns the lesson's blocks (title, paragraphs, steps …) into the list of pieces to say in order. */
export function speechPieces<B>(blocks: readonly { text: string; block: B }[], max: number = MAX_CHUNK): SpeechPiece<B>[] {
	return blocks.flatMap(({ text, block }) => splitForSpeech(text, max).map((t) => ({ text: t, block })));
}
