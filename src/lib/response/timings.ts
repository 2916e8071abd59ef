/** What the timing strip shows; times are milliseconds since the request was sent. */
export interface Timings {
	/** Response headers arrived. */
	ttfb: number | null;
	/** First content delta (text, thinking or tool input) arrived. */
	ttft: number | null;
	/** Stream (or body) ended; null while running. */
	total: number | null;
	/** Output tokens: exact from usage when known, else estimated from characters. */
	outputTokens: number;
	isEstimate: boolean;
	tokensPerSecond: number | null;
	/** Cumulative output tokens over time, at most MAX_POINTS points. */
	points: [t: number, tokens: number][];
}

const MAX_POINTS = 120;
/** Rough characters per token, only used until the API reports the real count. */
const CHARS_PER_TOKEN = 4;

/** Records arrival times cheaply per delta; `snapshot()` does the (bounded) math once per frame. */
export class TimingTracker {
	#ttfb: number | null = null;
	#end: number | null = null;
	#times: number[] = [];
	#chars: number[] = [];
	#totalChars = 0;

	markHeaders(at: number): void {
		this.#ttfb ??= at;
	}
	markDelta(at: number, chars: number): void {
		this.#totalChars += chars;
		this.#times.push(at);
		this.#chars.push(this.#totalChars);
	}
	markEnd(at: number): void {
		this.#end ??= at;
	}

	/** `reportedTokens` is usage.output_tokens once message_delta (or a whole Message) said it. */
	snapshot(reportedTokens: number | null): Timings {
		const n = this.#times.length;
		const ttft = n > 0 ? this.#times[0] : null;
		const isEstimate = reportedTokens === null;
		const perChar =
			isEstimate || this.#totalChars === 0
				? 1 / CHARS_PER_TOKEN
				: reportedTokens / this.#totalChars;
		const outputTokens = isEstimate ? Math.round(this.#totalChars * perChar) : reportedTokens;
		const last = this.#end ?? (n > 0 ? this.#times[n - 1] : null);
		const span = ttft !== null && last !== null ? last - ttft : 0;
		const points: [number, number][] = [];
		const step = Math.max(1, Math.ceil(n / MAX_POINTS));
		for (let i = 0; i < n; i += step) points.push([this.#times[i], this.#chars[i] * perChar]);
		if (n > 0 && (n - 1) % step !== 0)
			points.push([this.#times[n - 1], this.#chars[n - 1] * perChar]);
		return {
			ttfb: this.#ttfb,
			ttft,
			total: this.#end,
			outputTokens,
			isEstimate,
			tokensPerSecond: span > 0 ? (outputTokens / span) * 1000 : null,
			points
		};
	}
}

export function formatMs(ms: number | null): string {
	if (ms === null) return '—';
	return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
