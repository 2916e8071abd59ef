// The fast path's pump as batch results use it (`coalesce: false`): each upstream chunk goes on
// as it came (no copy joining them), with the key scrubbed and backpressure from the client.
import type { ServerResponse } from 'node:http';
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { pump } from '$lib/server/fast/pump';
import { byteScrubber } from '$lib/server/gateway/scrub';

/** A client that records each write and acknowledges it only when told (`release`). */
function client(highWaterMark = 1 << 20) {
	const writes: Buffer[] = [];
	const held: (() => void)[] = [];
	let holding = false;
	const res = new Writable({
		highWaterMark,
		write(chunk: Buffer, _encoding, done) {
			writes.push(chunk);
			if (holding) held.push(done);
			else done();
		}
	});
	return {
		res: res as unknown as ServerResponse,
		writes,
		hold: () => (holding = true),
		release: () => {
			holding = false;
			held.splice(0).forEach((done) => done());
		}
	};
}

describe('pump with coalesce: false', () => {
	it('sends each chunk as the upstream sent it, not joined with what else was buffered', async () => {
		const body = new PassThrough();
		const c = client();
		const parts = [Buffer.from('{"a":1}\n'), Buffer.from('{"b":2}\n'), Buffer.from('{"c":3}\n')];
		for (const p of parts) body.write(p);
		body.end();
		const outcome = new Promise((r) =>
			pump(body, c.res, undefined, { onEnd: r }, { coalesce: false })
		);
		expect(await outcome).toBe('complete');
		expect(c.writes.map(String)).toEqual(parts.map(String));
	});

	it('joins what is buffered into one write by default (the SSE path)', async () => {
		const body = new PassThrough();
		const c = client();
		for (const p of ['a', 'b', 'c']) body.write(p);
		body.end();
		await new Promise((r) => pump(body, c.res, undefined, { onEnd: r }));
		expect(c.writes.map(String)).toEqual(['abc']);
	});

	it('still scrubs the key when it is split across two chunks', async () => {
		const key = 'sk-ant-secret-key-1234';
		const body = new PassThrough();
		const c = client();
		body.write(`{"echo":"${key.slice(0, 9)}`);
		body.write(`${key.slice(9)}"}\n`);
		body.end();
		await new Promise((r) =>
			pump(body, c.res, byteScrubber(key), { onEnd: r }, { coalesce: false })
		);
		expect(Buffer.concat(c.writes).toString()).toBe('{"echo":"[redacted]"}\n');
	});

	it('stops reading the upstream while the client is behind, and carries on after its drain', async () => {
		const body = new PassThrough({ highWaterMark: 4 });
		const c = client(4);
		c.hold();
		const done = new Promise((r) =>
			pump(body, c.res, undefined, { onEnd: r }, { coalesce: false })
		);
		body.write('12345678');
		await new Promise((r) => setImmediate(r));
		expect(body.isPaused()).toBe(true);
		// The upstream's own buffer fills up too: a real socket would stop being read.
		expect(body.write('more')).toBe(false);
		c.release();
		await new Promise((r) => setImmediate(r));
		expect(body.isPaused()).toBe(false);
		body.end();
		expect(await done).toBe('complete');
		expect(Buffer.concat(c.writes).toString()).toBe('12345678more');
	});
});
