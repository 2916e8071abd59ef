import { readSse, type RawSseEvent } from '$lib/client/sse';

export interface RunError {
	status?: number;
	type: string;
	message: string;
	requestId?: string;
	retryAfter?: string;
}

type Status = 'idle' | 'streaming' | 'done' | 'error' | 'stopped';

/** One request sent through /api/v1/messages: its events, the text so far, and how it ended. */
export class RunState {
	#status = $state<Status>('idle');
	#text = $state('');
	#events = $state.raw<RawSseEvent[]>([]);
	#error = $state<RunError | null>(null);
	#abort: AbortController | null = null;

	get status() {
		return this.#status;
	}
	get text() {
		return this.#text;
	}
	get events() {
		return this.#events;
	}
	get error() {
		return this.#error;
	}
	get isRunning() {
		return this.#status === 'streaming';
	}

	async send(body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<void> {
		this.stop();
		const abort = new AbortController();
		this.#abort = abort;
		this.#status = 'streaming';
		this.#text = '';
		this.#events = [];
		this.#error = null;
		const startedAt = performance.now();
		try {
			const res = await fetch('/api/v1/messages', {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body: JSON.stringify({ ...body, stream: true }),
				signal: abort.signal
			});
			if (!res.ok || !res.body) {
				this.#fail(await errorFromResponse(res));
				return;
			}
			await readSse(res.body, startedAt, { onEvent: (e) => this.#onEvent(e) });
			if (this.#status === 'streaming') this.#status = 'done';
		} catch (e) {
			if (abort.signal.aborted) this.#status = 'stopped';
			else this.#fail({ type: 'network_error', message: (e as Error).message });
		}
	}

	stop(): void {
		this.#abort?.abort();
		this.#abort = null;
	}

	#onEvent(e: RawSseEvent) {
		this.#events = [...this.#events, e];
		let data: { type?: string; delta?: { type?: string; text?: string }; error?: { type: string; message: string } };
		try {
			data = JSON.parse(e.data);
		} catch {
			return;
		}
		if (e.event === 'content_block_delta' && data.delta?.type === 'text_delta') this.#text += data.delta.text ?? '';
		if (e.event === 'error' && data.error) this.#fail({ type: data.error.type, message: data.error.message });
	}

	#fail(error: RunError) {
		this.#error = error;
		this.#status = 'error';
	}
}

export async function errorFromResponse(res: Response): Promise<RunError> {
	const requestId = res.headers.get('request-id') ?? res.headers.get('x-request-id') ?? undefined;
	const retryAfter = res.headers.get('retry-after') ?? undefined;
	const text = await res.text();
	try {
		const body = JSON.parse(text);
		if (body?.error?.type) return { status: res.status, type: body.error.type, message: body.error.message, requestId, retryAfter };
	} catch {
		// not JSON: show the text as is
	}
	return { status: res.status, type: 'http_error', message: text.slice(0, 500) || res.statusText, requestId, retryAfter };
}
