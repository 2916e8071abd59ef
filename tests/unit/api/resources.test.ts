import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	ApiError,
	batches,
	batchIndex,
	countTokens,
	messages,
	models,
	permalinks,
	usage
} from '$lib/api';
import { LABEL_HEADER_NAME, TEMPLATE_HEADER_NAME } from '$lib/batches/headers';
import { recorded } from '../../support/fixtures';

type Call = [url: string, init: RequestInit | undefined];

/** Stubs fetch with one answer and returns the recorded calls. */
function answer(body: string, init: ResponseInit = {}) {
	const fetch = vi.fn(async (_url: string, _init?: RequestInit) => new Response(body, init));
	vi.stubGlobal('fetch', fetch);
	return fetch.mock.calls as Call[];
}
const headersOf = (call: Call) => new Headers(call[1]?.headers);

afterEach(() => vi.unstubAllGlobals());

describe('the api resources', () => {
	it('messages.stream forces stream: true and passes headers and the abort signal', async () => {
		const calls = answer('event: ping\ndata: {}\n\n', {
			headers: { 'content-type': 'text/event-stream' }
		});
		const signal = new AbortController().signal;
		const res = await messages.stream(
			{ model: 'm', stream: false },
			{ headers: { 'anthropic-beta': 'x' }, signal }
		);
		expect(await res.text()).toContain('ping');
		expect(calls[0][0]).toBe('/api/v1/messages');
		expect(JSON.parse(calls[0][1]?.body as string)).toEqual({ model: 'm', stream: true });
		expect(headersOf(calls[0]).get('anthropic-beta')).toBe('x');
		expect(calls[0][1]?.signal).toBe(signal);
	});

	it('messages.create returns the Message', async () => {
		answer(recorded('message-text.json'));
		expect(await messages.create({ model: 'm' })).toEqual(
			JSON.parse(recorded('message-text.json'))
		);
	});

	it('throws one ApiError for an error answer, with request-id and retry-after', async () => {
		answer(recorded('error-529-overloaded_error.json'), {
			status: 529,
			headers: { 'request-id': 'req_9', 'retry-after': '4' }
		});
		const error = await messages.create({}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ApiError);
		expect((error as ApiError).toInfo()).toEqual({
			status: 529,
			type: 'overloaded_error',
			message: 'Overloaded',
			requestId: 'req_9',
			retryAfter: 4
		});
	});

	it('turns a failed fetch into a network_error, but rethrows an abort as is', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')))
		);
		await expect(models.list()).rejects.toMatchObject({
			type: 'network_error',
			message: 'Failed to fetch'
		});
		const abort = new AbortController();
		abort.abort();
		const aborted = new DOMException('aborted', 'AbortError');
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => Promise.reject(aborted))
		);
		await expect(countTokens({}, { signal: abort.signal })).rejects.toBe(aborted);
	});

	it('says when a 2xx body is not JSON', async () => {
		answer('<html>');
		await expect(usage.today()).rejects.toMatchObject({ type: 'invalid_response' });
	});

	it('batches.create sends label and template headers, and leaves out a template too big for one', async () => {
		const calls = answer(JSON.stringify({ id: 'msgbatch_1' }));
		await batches.create([{ custom_id: 'a', params: {} }], {
			label: 'Ünï',
			template: { model: 'm' }
		});
		expect(headersOf(calls[0]).get(LABEL_HEADER_NAME)).toBe(encodeURIComponent('Ünï'));
		expect(decodeURIComponent(headersOf(calls[0]).get(TEMPLATE_HEADER_NAME) ?? '')).toBe(
			'{"model":"m"}'
		);
		await batches.create([], { template: { text: 'x'.repeat(7000) } });
		expect(headersOf(calls[1]).has(TEMPLATE_HEADER_NAME)).toBe(false);
	});

	it('builds list, cancel, delete and results paths like the API', async () => {
		const calls = answer('{}');
		await batches.list({ after_id: 'msgbatch_b' }, 5);
		await batches.cancel('msgbatch_c');
		await batches.delete('msgbatch_d');
		await batches.results('msgbatch_e');
		expect(calls.map(([url, init]) => `${init?.method ?? 'GET'} ${url}`)).toEqual([
			'GET /api/v1/messages/batches?limit=5&after_id=msgbatch_b',
			'POST /api/v1/messages/batches/msgbatch_c/cancel',
			'DELETE /api/v1/messages/batches/msgbatch_d',
			'GET /api/v1/messages/batches/msgbatch_e/results'
		]);
	});

	it('asks the batch index only when there are ids', async () => {
		const calls = answer(JSON.stringify({ data: { b1: { label: 'L', creator: 'ann' } } }));
		expect(await batchIndex.lookup([])).toEqual({});
		expect(await batchIndex.lookup(['b1', 'b2'])).toEqual({ b1: { label: 'L', creator: 'ann' } });
		expect(calls.map((c) => c[0])).toEqual(['/api/batch-index?ids=b1%2Cb2']);
	});

	it('permalinks.retrieve encodes the id', async () => {
		const calls = answer('{"request":{}}');
		await permalinks.retrieve('a/b');
		expect(calls[0][0]).toBe('/api/permalinks/a%2Fb');
	});
});
