import { readdirSync } from 'node:fs';

export type ReplayMode = 'paced' | 'stress' | 'hold';

const RECORDED_DIR = '../shared/fixtures/recorded';

/** The recorded streams the replay upstream can send, in a fixed order. */
export function recordedStreams(): string[] {
	return readdirSync(RECORDED_DIR)
		.filter((f) => f.endsWith('.sse'))
		.sort();
}

/** A streamed Messages request that makes the replay upstream send `file` in `mode`. */
export function replayBody(file: string, mode: ReplayMode) {
	return {
		model: 'claude-haiku-4-5-20251001',
		max_tokens: 1024,
		stream: true,
		metadata: { user_id: `replay:${file}:${mode}` },
		messages: [{ role: 'user', content: 'Replay a recorded stream' }]
	};
}
