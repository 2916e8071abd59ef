import { countTokens } from '$lib/api';

/**
 * Input-token count of the request being edited, from POST /api/v1/messages/count_tokens.
 * Asked again (debounced) whenever the prompt changes; a newer ask aborts the older one.
 */
export const COUNT_DEBOUNCE_MS = 500;

export class TokenCount {
	#tokens = $state<number | null>(null);
	#status = $state<'idle' | 'counting' | 'error'>('idle');
	#timer: ReturnType<typeof setTimeout> | undefined;
	#abort: AbortController | null = null;

	get tokens() {
		return this.#tokens;
	}
	get status() {
		return this.#status;
	}

	/**
	 * Counts `body` after a quiet spell; null (an invalid request) asks nothing. Called from an
	 * effect, so it changes no state itself: only the timer and the answer do.
	 */
	schedule(body: Record<string, unknown> | null, headers: Record<string, string>): void {
		this.cancel();
		if (!body) return;
		this.#timer = setTimeout(() => void this.#count(body, headers), COUNT_DEBOUNCE_MS);
	}

	cancel(): void {
		clearTimeout(this.#timer);
		this.#abort?.abort();
		this.#abort = null;
	}

	async #count(body: Record<string, unknown>, headers: Record<string, string>) {
		const abort = new AbortController();
		this.#abort = abort;
		this.#status = 'counting';
		try {
			const { input_tokens } = await countTokens(body, { headers, signal: abort.signal });
			if (abort.signal.aborted) return;
			this.#tokens = input_tokens;
			this.#status = 'idle';
		} catch {
			if (abort.signal.aborted) return;
			this.#tokens = null;
			this.#status = 'error';
		}
	}
}
