import Anthropic, { APIError, BadRequestError } from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { sdkClient, targets } from '../support/sdk-targets';

/** Every API error type and each stream fault, as the official SDK sees them. */
const request: Anthropic.MessageCreateParamsNonStreaming = {
	model: 'claude-haiku-4-5-20251001',
	max_tokens: 200,
	messages: [{ role: 'user', content: 'Tell me about streams' }]
};
const fault = (spec: string) => ({ headers: { 'x-simulator-fault': spec } });

const statusFaults: [string, number, string, abstract new (...args: never[]) => APIError][] = [
	['invalid_request', 400, 'invalid_request_error', BadRequestError],
	['authentication', 401, 'authentication_error', Anthropic.AuthenticationError],
	['permission', 403, 'permission_error', Anthropic.PermissionDeniedError],
	['not_found', 404, 'not_found_error', Anthropic.NotFoundError],
	['request_too_large', 413, 'request_too_large', APIError],
	['rate_limit', 429, 'rate_limit_error', Anthropic.RateLimitError],
	['api_error', 500, 'api_error', Anthropic.InternalServerError],
	['timeout', 504, 'timeout_error', Anthropic.InternalServerError],
	['overloaded', 529, 'overloaded_error', Anthropic.InternalServerError]
];

async function failure(p: Promise<unknown>): Promise<APIError> {
	const e = await p.then(
		() => undefined,
		(err: unknown) => err
	);
	expect(e).toBeInstanceOf(APIError);
	return e as APIError;
}

describe.each(targets)('errors and faults through the SDK against %s', (_name, baseURL) => {
	const client = () => sdkClient(baseURL());

	it.each(statusFaults)(
		'maps the %s fault to HTTP %i %s',
		async (spec, status, type, ErrorClass) => {
			const e = await failure(client().messages.create(request, fault(spec)));
			expect(e).toBeInstanceOf(ErrorClass);
			expect(e.status).toBe(status);
			expect(e.error).toMatchObject({ type: 'error', error: { type } });
			expect(e.requestID).toMatch(/^req_/);
			if (status === 429 || status === 529) expect(e.headers?.get('retry-after')).toMatch(/^\d+$/);
			if (status === 429)
				expect(e.headers?.get('anthropic-ratelimit-requests-limit')).toMatch(/^\d+$/);
		}
	);

	it('rejects an unknown fault name as a bad request', async () => {
		expect(await failure(client().messages.create(request, fault('gremlins')))).toBeInstanceOf(
			BadRequestError
		);
	});

	it('sends request-id everywhere and rate-limit headers on messages', async () => {
		const { response } = await client().messages.create(request).withResponse();
		expect(response.headers.get('request-id')).toMatch(/^req_/);
		for (const bucket of ['requests', 'tokens', 'input-tokens', 'output-tokens'])
			for (const field of ['limit', 'remaining', 'reset'])
				expect(response.headers.get(`anthropic-ratelimit-${bucket}-${field}`)).toBeTruthy();
		const models = await client().models.list().withResponse();
		expect(models.response.headers.get('request-id')).toMatch(/^req_/);
		const missing = await failure(client().models.retrieve('claude-0-none'));
		expect(missing).toBeInstanceOf(Anthropic.NotFoundError);
		expect(missing.requestID).toMatch(/^req_/);
	});

	it.each([
		['stream_error_after:3', 'overloaded_error'],
		['stream_error_after:4:api_error', 'api_error']
	])('surfaces %s as a mid-stream %s', async (spec, type) => {
		const stream = client().messages.stream(request, fault(spec));
		const seen: string[] = [];
		const e = await (async () => {
			for await (const event of stream) seen.push(event.type);
		})().then(
			() => undefined,
			(err: unknown) => err
		);
		expect(e).toBeInstanceOf(APIError);
		expect((e as APIError).error).toMatchObject({ type: 'error', error: { type } });
		expect(seen[0]).toBe('message_start');
		expect(seen).not.toContain('message_stop');
	});

	it('makes a dropped connection an error after the first events, not a quietly short message', async () => {
		const stream = client().messages.stream(request, fault('drop_after:3'));
		const seen: string[] = [];
		const e = await (async () => {
			for await (const event of stream) seen.push(event.type);
		})().then(
			() => undefined,
			(err: unknown) => err
		);
		expect(e).toBeInstanceOf(Error);
		expect(seen[0]).toBe('message_start');
		expect(seen).not.toContain('message_stop');
	});

	it('leaves a stream without faults whole', async () => {
		const final = await client().messages.stream(request).finalMessage();
		expect(final.stop_reason).toBe('end_turn');
	});
});
