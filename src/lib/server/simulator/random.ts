/** Deterministic randomness: the same seed and request always give the same answer. */

export function hashString(s: string): number {
	// FNV-1a, 32-bit
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

export type Rng = () => number;

/** mulberry32: small, fast, good enough for plausible fake text. */
export function createRng(seed: number): Rng {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
	return items[Math.floor(rng() * items.length)];
}

export function intBetween(rng: Rng, min: number, max: number): number {
	return min + Math.floor(rng() * (max - min + 1));
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** An id in the API's style (`msg_01...`, `toolu_01...`), 24 chars after the `01`. */
export function apiId(prefix: string, rng: Rng): string {
	let out = `${prefix}_01`;
	for (let i = 0; i < 22; i++) out += ID_CHARS[Math.floor(rng() * ID_CHARS.length)];
	return out;
}
