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

	/** Counts `body` after a quiet spell; null (an invalid request) clears the count. */
	schedule(body: Record<string, unknown> | null, headers: Record<string, string>): void {
		this.cancel();
		if (!body) {
			this.#tokens = null;
			this.#status = 'idle';
			return;
		}
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
			const res = await fetch('/api/v1/messages/count_tokens', {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body: JSON.stringify(body),
				signal: abort.signal
			});
			const data = await res.json();
			if (abort.signal.aborted) return;
			this.#tokens = res.ok && typeof data.input_tokens === 'number' ? data.input_tokens : null;
			this.#status = res.ok ? 'idle' : 'error';
		} catch {
			if (!abort.signal.aborted) this.#status = 'error';
		}
	}
}
