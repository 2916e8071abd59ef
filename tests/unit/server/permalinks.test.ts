import { describe, expect, it } from 'vitest';
import { canonicalJson, contentId } from '../../../src/lib/server/gateway/permalinks/id';
import { REDACTED, stripSecrets } from '../../../src/lib/server/gateway/permalinks/sanitize';
import { parseStoredDocument } from '../../../src/lib/server/gateway/permalinks/service';
import { CANARY_KEY } from '../../support/servers';

const REQUEST = {
	model: 'claude-3-5-haiku-20241022',
	max_tokens: 10,
	messages: [{ role: 'user', content: 'Hi' }]
};
const DOC = {
	version: 1,
	id: 'abcdefghij',
	created_at: '2026-01-01T00:00:00.000Z',
	created_by: 'ana',
	request: REQUEST
};

describe('contentId', () => {
	it('is 10 base62 characters and the same for the same content in any key order', () => {
		const a = contentId({ version: 1, request: REQUEST });
		expect(a).toMatch(/^[0-9A-Za-z]{10}$/);
		expect(
			contentId({
				request: { messages: REQUEST.messages, max_tokens: 10, model: REQUEST.model },
				version: 1
			})
		).toBe(a);
	});

	it('is pinned, so ids already shared keep resolving after a code change', () => {
		expect(contentId({ version: 1, request: REQUEST })).toMatchInlineSnapshot(`"52l6hYvqfp"`);
	});

	it('differs when any content differs', () => {
		expect(contentId({ version: 1, request: { ...REQUEST, max_tokens: 11 } })).not.toBe(
			contentId({ version: 1, request: REQUEST })
		);
	});

	it('canonical JSON sorts keys at every level but keeps array order', () => {
		expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(
			'{"a":{"c":null,"d":[2,1]},"b":1}'
		);
	});
});

describe('stripSecrets', () => {
	it('drops credential-named fields anywhere and replaces key-shaped or configured secrets in text', () => {
		const dirty = {
			'x-api-key': CANARY_KEY,
			request: {
				Authorization: `Bearer ${CANARY_KEY}`,
				messages: [{ content: `my key is ${CANARY_KEY}` }],
				cookie: 'a=b'
			},
			events: [{ data: `{"echo":"passcode-1234567"}` }]
		};
		const clean = stripSecrets(dirty, ['passcode-1234567']);
		expect(JSON.stringify(clean)).not.toContain(CANARY_KEY);
		expect(JSON.stringify(clean)).not.toContain('passcode-1234567');
		expect(clean).toEqual({
			request: { messages: [{ content: `my key is ${REDACTED}` }] },
			events: [{ data: `{"echo":"${REDACTED}"}` }]
		});
	});

	it('leaves ordinary token counts and fields alone', () => {
		const usage = { input_tokens: 3, output_tokens: 4, max_tokens: 5, key: 'value' };
		expect(stripSecrets(usage, [])).toEqual(usage);
	});
});

describe('parseStoredDocument', () => {
	it('accepts a current document', () => {
		expect(parseStoredDocument(JSON.stringify(DOC))).toEqual({ kind: 'found', document: DOC });
	});

	it.each([
		['broken JSON', '{"version":1,', /not valid JSON/],
		[
			'an old version',
			JSON.stringify({ ...DOC, version: 0 }),
			/format version 0; this playground reads version 1/
		],
		['no version', JSON.stringify({ request: REQUEST }), /format version null/],
		['JSON null', 'null', /format version null/],
		[
			'a damaged request',
			JSON.stringify({ ...DOC, request: { ...REQUEST, max_tokens: 'x' } }),
			/damaged: .*max_tokens/
		],
		[
			'a damaged event log',
			JSON.stringify({ ...DOC, result: { events: [{ event: 'ping' }] } }),
			/damaged: .*events/
		]
	])('reports %s as unreadable, not a crash', (_name, text, reason) => {
		const r = parseStoredDocument(text);
		expect(r.kind).toBe('unreadable');
		expect(r.kind === 'unreadable' && r.reason).toMatch(reason);
	});
});
