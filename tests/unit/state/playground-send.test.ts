import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlaygroundState } from '$lib/state/playground.svelte';

const answer = {
	id: 'msg_1',
	type: 'message',
	role: 'assistant',
	model: 'claude-sonnet-4-5',
	content: [{ type: 'text', text: 'hi' }],
	stop_reason: 'end_turn',
	stop_sequence: null,
	usage: { input_tokens: 3, output_tokens: 1 }
};

function answerWith(status: number, body: object) {
	const fetch = vi.fn(
		async () =>
			new Response(JSON.stringify(body), {
				status,
				headers: { 'content-type': 'application/json' }
			})
	);
	vi.stubGlobal('fetch', fetch);
	return fetch;
}

function ready(onRunEnded: () => void) {
	const p = new PlaygroundState({ onRunEnded });
	p.setParam('stream', false);
	p.updateBlock(0, 0, { text: 'hello' });
	return p;
}

afterEach(() => vi.unstubAllGlobals());

describe('PlaygroundState send and retry', () => {
	it('shows the response pane as soon as a run starts and reports each ended run', async () => {
		answerWith(200, answer);
		const ended = vi.fn();
		const p = ready(ended);
		expect(p.pane).toBe('request');
		const sending = p.send();
		expect(p.pane).toBe('response');
		expect(ended).not.toHaveBeenCalled();
		await sending;
		expect(p.run.status).toBe('done');
		expect(ended).toHaveBeenCalledTimes(1);
	});

	it('reports a refused run too, and Retry sends the same request again', async () => {
		const rateLimited = { type: 'error', error: { type: 'rate_limit_error', message: 'slow' } };
		const fetch = answerWith(429, rateLimited);
		const ended = vi.fn();
		const p = ready(ended);
		await p.send();
		expect(p.run.status).toBe('error');
		expect(ended).toHaveBeenCalledTimes(1);
		p.pane = 'request';
		await p.retry();
		expect(p.pane).toBe('response');
		expect(ended).toHaveBeenCalledTimes(2);
		const bodies = fetch.mock.calls.map((c) => (c as unknown[])[1] as RequestInit);
		expect(bodies[1].body).toBe(bodies[0].body);
	});
});
