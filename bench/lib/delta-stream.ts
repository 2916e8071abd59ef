/**
 * A synthetic Messages stream of `deltas` deltas, one word each with a paragraph break every
 * 40: the first half thinking deltas (a thinking block, then its signature), the second half
 * text deltas. The whole SSE body is built up front so a stand-in can send it as fast as possible.
 */
export interface DeltaStream {
	body: Buffer;
	/** The text the text deltas add up to. */
	text: string;
	/** The thinking the thinking deltas add up to. */
	thinking: string;
	/** Every event's `data:` line, in order (for baselines that list events). */
	events: { event: string; data: string }[];
}

export function deltaStream(deltas: number): DeltaStream {
	const events: { event: string; data: string }[] = [];
	const add = (event: string, data: object) =>
		events.push({ event, data: JSON.stringify({ type: event, ...data }) });
	add('message_start', {
		message: {
			id: 'msg_bench',
			type: 'message',
			role: 'assistant',
			model: 'claude-bench',
			content: [],
			stop_reason: null,
			stop_sequence: null,
			usage: { input_tokens: 5, output_tokens: 1 }
		}
	});
	const word = (i: number) => `w${i}${i % 40 === 39 ? '\n\n' : ' '}`;
	const thinkingDeltas = Math.floor(deltas / 2);
	add('content_block_start', {
		index: 0,
		content_block: { type: 'thinking', thinking: '', signature: '' }
	});
	let thinking = '';
	for (let i = 0; i < thinkingDeltas; i++) {
		thinking += word(i);
		add('content_block_delta', { index: 0, delta: { type: 'thinking_delta', thinking: word(i) } });
	}
	add('content_block_delta', {
		index: 0,
		delta: { type: 'signature_delta', signature: 'EqQBCkYIBRgCIkBbench' }
	});
	add('content_block_stop', { index: 0 });
	add('content_block_start', { index: 1, content_block: { type: 'text', text: '' } });
	let text = '';
	for (let i = 0; i < deltas - thinkingDeltas; i++) {
		text += word(i);
		add('content_block_delta', { index: 1, delta: { type: 'text_delta', text: word(i) } });
	}
	add('content_block_stop', { index: 1 });
	add('message_delta', {
		delta: { stop_reason: 'end_turn', stop_sequence: null },
		usage: { output_tokens: deltas }
	});
	add('message_stop', {});
	const body = Buffer.from(events.map((e) => `event: ${e.event}\ndata: ${e.data}\n\n`).join(''));
	return { body, text, thinking, events };
}
