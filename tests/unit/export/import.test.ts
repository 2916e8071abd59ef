import { describe, expect, it } from 'vitest';
import { importCurl, importRequest } from '../../../src/lib/export/import';
import { shellWords } from '../../../src/lib/export/shell-words';

const BODY = {
	model: 'claude-3-5-haiku-20241022',
	max_tokens: 10,
	messages: [{ role: 'user', content: "it's" }]
};

describe('importCurl', () => {
	it.each([
		[
			'-d with single quotes',
			`curl https://x/v1/messages -H 'x-api-key: $K' -d '{"model":"claude-3-5-haiku-20241022","max_tokens":10,"messages":[{"role":"user","content":"it'\\''s"}]}'`
		],
		[
			'--data-raw with double quotes',
			`curl https://x/v1/messages --data-raw "{\\"model\\":\\"claude-3-5-haiku-20241022\\",\\"max_tokens\\":10,\\"messages\\":[{\\"role\\":\\"user\\",\\"content\\":\\"it's\\"}]}"`
		],
		[
			'--data= form on continued lines',
			`curl https://x/v1/messages \\\n  --header "content-type: application/json" \\\n  --data='${JSON.stringify(BODY).replaceAll("'", `'\\''`)}'`
		],
		[
			"$'...' ANSI-C quoting",
			`curl https://x -d $'{"model":"claude-3-5-haiku-20241022","max_tokens":10,"messages":[{"role":"user","content":"it\\'s"}]}'`
		]
	])('reads the body from %s', (_name, command) => {
		expect(importCurl(command)).toEqual({ ok: true, body: BODY, betas: [] });
	});

	it('collects betas from every anthropic-beta header, in any spelling', () => {
		const command = `curl https://x -H 'Anthropic-Beta: a-1, b-2' --header "anthropic-beta:c-3" -H 'x-api-key: k' -d '${JSON.stringify(BODY).replaceAll("'", `'\\''`)}'`;
		const r = importCurl(command);
		expect(r.ok && r.betas).toEqual(['a-1', 'b-2', 'c-3']);
	});

	it('refuses a body read from a file, naming the flag', () => {
		expect(importCurl(`curl https://x -d @body.json`)).toEqual({
			ok: false,
			error: expect.stringContaining('-d @body.json reads the body from a file')
		});
	});

	it.each([
		['no body', `curl https://x -H 'a: b'`, 'no request body'],
		['broken JSON', `curl https://x -d '{"model":'`, 'not valid JSON'],
		['an array body', `curl https://x -d '[1]'`, 'must be a JSON object'],
		['an unterminated quote', `curl https://x -d '{"a":1}`, 'unterminated single quote']
	])('reports %s clearly', (_name, command, message) => {
		const r = importCurl(command);
		expect(r.ok).toBe(false);
		expect(!r.ok && r.error).toContain(message);
	});
});

describe('importRequest', () => {
	it('takes a JSON body and moves an SDK-style betas field out of it', () => {
		expect(importRequest(JSON.stringify({ ...BODY, betas: ['x-1'] }))).toEqual({
			ok: true,
			body: BODY,
			betas: ['x-1']
		});
	});

	it('imports an invalid request with a warning naming the field', () => {
		const r = importRequest(JSON.stringify({ ...BODY, max_tokens: -1 }));
		expect(r.ok && r.warning).toMatch(/max_tokens/);
	});

	it('says what to paste when given nothing', () => {
		expect(importRequest('   ')).toEqual({
			ok: false,
			error: expect.stringContaining('paste a curl command')
		});
	});
});

describe('shellWords', () => {
	it('keeps $VARS literal and joins adjacent quoted parts into one word', () => {
		expect(shellWords(`a "$HOME"'x'y \\"z`)).toEqual(['a', '$HOMExy', '"z']);
	});
});
