import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '$lib/server/config';
import { clientAddress, eventClientAddress, normalizeAddress } from '$lib/server/guard/identity';

describe('the client address', () => {
	it('is empty, not a crash, once the client has gone (adapter-node then reports undefined)', () => {
		const event = {
			getClientAddress: () => undefined as unknown as string,
			request: new Request('http://play.test/api/usage')
		} as unknown as RequestEvent;
		expect(eventClientAddress(event, loadConfig({}))).toBe('');
		expect(normalizeAddress(undefined)).toBe('');
	});
	it('takes the n-th X-Forwarded-For entry from the right with n trusted hops', () => {
		expect(clientAddress('::ffff:10.0.0.1', '1.1.1.1, 2.2.2.2', 1)).toBe('2.2.2.2');
		expect(clientAddress('::ffff:10.0.0.1', '1.1.1.1, 2.2.2.2', 0)).toBe('10.0.0.1');
		expect(clientAddress('10.0.0.1', '2.2.2.2', 3)).toBe('10.0.0.1');
	});
});
