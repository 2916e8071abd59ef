/**
 * A few minutes of memory for upstream Models API answers: the list changes every few weeks,
 * and the page asks for it on every load. Only successful answers are kept.
 */
export const MODELS_CACHE_TTL_MS = 5 * 60_000;

interface Entry {
	expires: number;
	body: string;
	headers: [string, string][];
}

export class ModelsCache {
	readonly #entries = new Map<string, Entry>();
	constructor(
		private readonly ttlMs = MODELS_CACHE_TTL_MS,
		private readonly now: () => number = Date.now
	) {}

	get(key: string): Response | undefined {
		const e = this.#entries.get(key);
		if (!e) return undefined;
		if (e.expires <= this.now()) {
			this.#entries.delete(key);
			return undefined;
		}
		const headers = new Headers(e.headers);
		headers.set('x-models-cache', 'hit');
		return new Response(e.body, { status: 200, headers });
	}

	put(key: string, body: string, headers: Headers): void {
		// Bounded by the few list/retrieve URLs a page asks for; drop the oldest past 200.
		if (this.#entries.size >= 200) this.#entries.delete(this.#entries.keys().next().value!);
		this.#entries.set(key, { expires: this.now() + this.ttlMs, body, headers: [...headers] });
	}
}
