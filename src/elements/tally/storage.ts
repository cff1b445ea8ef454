/**
 * The tally's place in the phone's storage: loads (recovering what an older page set aside),
 * saves, keeps the tally as it was before an import for "Lấy lại sổ cũ", and never writes over
 * a record it could not read or one saved by a newer version of the page.
 */
import type { CriterionRef } from '~/lib/answers';
import {
	asideKey,
	BEFORE_IMPORT_KEY,
	readStored,
	serializeStored,
	STORAGE_KEY,
	STORAGE_VERSION,
	unreadableNotice,
	type StoredTally,
} from '~/lib/tally-store';

export interface Opened {
	tally: StoredTally;
	notices: string[];
	/** Written by a newer page: the tally is shown read-only. */
	readOnly: boolean;
}

function storage(): Storage | undefined {
	try {
		return localStorage;
	} catch {
		return undefined;
	}
}

/** An older page that could not read a newer record set it aside under a dated key; the newest such copy is brought back. */
function recoverAside(store: Storage): string | null {
	let best: { key: string; raw: string } | undefined;
	for (let i = 0; i < store.length; i++) {
		const key = store.key(i);
		if (!key?.startsWith(`${STORAGE_KEY}:khong-doc-duoc:`)) continue;
		const raw = store.getItem(key);
		try {
			if (raw && JSON.parse(raw)?.version === STORAGE_VERSION && (!best || key > best.key)) best = { key, raw };
		} catch {
			/* not ours to recover */
		}
	}
	return best?.raw ?? null;
}

export function openTally(criteria: CriterionRef[]): Opened {
	const store = storage();
	if (!store) {
		return {
			...readStored(null, criteria),
			notices: ['Trình duyệt này không cho lưu dữ liệu, nên sổ sẽ mất khi đóng trang. Hãy gửi hoặc tải tệp CSV trước khi đóng.'],
			readOnly: false,
		};
	}
	let raw = store.getItem(STORAGE_KEY);
	const notices: string[] = [];
	if (raw === null) {
		raw = recoverAside(store);
		if (raw !== null) notices.push('Đã lấy lại sổ mà một bản cũ của trang đã cất riêng trên máy.');
	}
	const loaded = readStored(raw, criteria);
	if (loaded.unreadable && raw !== null) {
		// Keep what could not be read, so that nothing on the device is lost; only then start afresh.
		let kept = false;
		try {
			store.setItem(asideKey(new Date()), raw);
			kept = true;
			store.removeItem(STORAGE_KEY);
		} catch {
			/* said below */
		}
		// Without a copy aside, the unreadable record stays where it is and the tally is not saved over it.
		return { tally: loaded.tally, notices: [unreadableNotice(kept)], readOnly: !kept };
	}
	if (notices.length && !loaded.newer) save(loaded.tally);
	return { tally: loaded.tally, notices: [...notices, ...loaded.notices], readOnly: loaded.newer };
}

/** Saves the tally; false when the phone refuses. */
export function save(tally: StoredTally): boolean {
	try {
		storage()!.setItem(STORAGE_KEY, serializeStored(tally));
		return true;
	} catch {
		return false;
	}
}

export function keepBeforeImport(tally: StoredTally): boolean {
	try {
		storage()!.setItem(BEFORE_IMPORT_KEY, serializeStored(tally));
		return true;
	} catch {
		return false;
	}
}

export function beforeImport(criteria: CriterionRef[]): StoredTally | undefined {
	const raw = storage()?.getItem(BEFORE_IMPORT_KEY) ?? null;
	if (raw === null) return undefined;
	const loaded = readStored(raw, criteria);
	return loaded.unreadable || loaded.newer ? undefined : loaded.tally;
}

export function forgetBeforeImport() {
	try {
		storage()?.removeItem(BEFORE_IMPORT_KEY);
	} catch {
		/* nothing kept */
	}
}
