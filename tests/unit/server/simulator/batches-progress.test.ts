import { describe, expect, it } from 'vitest';
import { recordedJson } from '../../../support/fixtures';
import type { RequestCounts } from '../../../../src/lib/schemas';
import {
	BATCH_LIFETIME_MS,
	batchObject,
	batchProgress,
	rfc3339,
	type BatchMeta
} from '../../../../src/lib/server/simulator/batches-progress';

const T0 = Date.UTC(2024, 11, 1, 10, 0, 0);
const meta = (over: Partial<BatchMeta> = {}): BatchMeta => ({
	id: 'msgbatch_01test',
	createdAtMs: T0,
	count: 10,
	secondsPerRequest: 1,
	cancelInitiatedAtMs: null,
	betas: [],
	errored: [2, 5],
	...over
});

const sum = (c: RequestCounts) => c.processing + c.succeeded + c.errored + c.canceled + c.expired;

describe('batch progress from the clock', () => {
	it('finishes one request per interval, counting errored ones, until it ends', () => {
		const m = meta();
		expect(batchProgress(m, T0)).toMatchObject({
			status: 'in_progress',
			finished: 0,
			endedAtMs: null
		});
		expect(batchProgress(m, T0 + 3_500).counts).toEqual({
			processing: 7,
			succeeded: 2,
			errored: 1,
			canceled: 0,
			expired: 0
		});
		expect(batchProgress(m, T0 + 9_999).status).toBe('in_progress');
		const ended = batchProgress(m, T0 + 10_000);
		expect(ended).toMatchObject({
			status: 'ended',
			finished: 10,
			endedAtMs: T0 + 10_000,
			endReason: 'completed'
		});
		expect(ended.counts).toEqual({
			processing: 0,
			succeeded: 8,
			errored: 2,
			canceled: 0,
			expired: 0
		});
	});

	it('keeps the counts summing to the total at every moment, cancelled or not', () => {
		for (const cancel of [null, T0 + 4_200]) {
			const m = meta({
				count: 37,
				secondsPerRequest: 0.3,
				cancelInitiatedAtMs: cancel,
				errored: [0, 9, 36]
			});
			let previous = 0;
			for (let t = T0 - 1000; t < T0 + 15_000; t += 77) {
				const p = batchProgress(m, t);
				expect(sum(p.counts)).toBe(37);
				expect(p.finished).toBeGreaterThanOrEqual(previous);
				previous = p.finished;
			}
		}
	});

	it('stops at a cancel, shows canceling, then ends with the rest canceled', () => {
		const m = meta({ cancelInitiatedAtMs: T0 + 3_500 });
		const canceling = batchProgress(m, T0 + 4_000);
		expect(canceling.status).toBe('canceling');
		expect(canceling.counts).toEqual({
			processing: 7,
			succeeded: 2,
			errored: 1,
			canceled: 0,
			expired: 0
		});
		const ended = batchProgress(m, T0 + 60_000);
		expect(ended).toMatchObject({ status: 'ended', endReason: 'canceled', endedAtMs: T0 + 4_500 });
		expect(ended.counts).toEqual({
			processing: 0,
			succeeded: 2,
			errored: 1,
			canceled: 7,
			expired: 0
		});
	});

	it('expires what is not done 24 hours after creation', () => {
		const m = meta({ count: 100, secondsPerRequest: 3600, errored: [] });
		const p = batchProgress(m, T0 + BATCH_LIFETIME_MS + 1);
		expect(p).toMatchObject({
			status: 'ended',
			endReason: 'expired',
			endedAtMs: T0 + BATCH_LIFETIME_MS,
			finished: 24
		});
		expect(p.counts).toEqual({
			processing: 0,
			succeeded: 24,
			errored: 0,
			canceled: 0,
			expired: 76
		});
	});

	it('ends at once when processing takes no time', () => {
		expect(batchProgress(meta({ secondsPerRequest: 0 }), T0)).toMatchObject({
			status: 'ended',
			finished: 10
		});
	});
});

describe('the wire object', () => {
	it('has the API timestamps, expires 24 h after creation, and results_url only once ended', () => {
		const m = meta();
		const running = batchObject(m, T0 + 1_000, 'http://sim.test:4010');
		expect(running).toMatchObject({
			id: 'msgbatch_01test',
			type: 'message_batch',
			processing_status: 'in_progress',
			created_at: '2024-12-01T10:00:00.000000+00:00',
			expires_at: '2024-12-02T10:00:00.000000+00:00',
			ended_at: null,
			cancel_initiated_at: null,
			archived_at: null,
			results_url: null
		});
		const ended = batchObject(m, T0 + 20_000, 'http://sim.test:4010');
		expect(ended.ended_at).toBe(rfc3339(T0 + 10_000));
		expect(ended.results_url).toBe(
			'http://sim.test:4010/v1/messages/batches/msgbatch_01test/results'
		);
	});

	it('has the keys of a recorded real batch, in the same order', () => {
		const real = recordedJson<Record<string, unknown>>('batch-in-progress-curl.json');
		expect(Object.keys(batchObject(meta(), T0, 'http://sim.test'))).toEqual(Object.keys(real));
		expect(Object.keys(batchProgress(meta(), T0).counts)).toEqual(
			Object.keys(real.request_counts as object)
		);
	});
});
