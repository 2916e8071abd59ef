// Settlements are written behind and summed per user and day; nothing acknowledged is lost and
// every read sees every settlement made before it.
import { describe, expect, it } from 'vitest';
import type { UsageLedger } from '$lib/server/guard/ledger';
import { batchedSettles } from '$lib/server/guard/settle-batch';

function recordingLedger(fail = false) {
	const calls: string[] = [];
	const inner: UsageLedger = {
		add: async () => {},
		usedOn: async (user) => (calls.push(`read ${user}`), 0),
		heldOn: async () => 0,
		reserve: async (user) => (calls.push(`reserve ${user}`), true),
		settle: async (user, day, reserved, usage) => {
			calls.push(`settle ${user} ${day} ${reserved} ${usage.input_tokens}+${usage.output_tokens}`);
			if (fail) throw new Error('disk full');
		}
	};
	return { calls, inner };
}

describe('batchedSettles', () => {
	it('sums settlements of one user and day into one write, and acknowledges each after it', async () => {
		const { calls, inner } = recordingLedger();
		// A window no test waits for: only flush and reads write.
		const ledger = batchedSettles(inner, 60_000);
		let acknowledged = 0;
		const settles = [
			ledger.settle('ann', '2026-01-01', 100, { input_tokens: 10, output_tokens: 5 }),
			ledger.settle('ann', '2026-01-01', 50, { input_tokens: 1, output_tokens: 2 }),
			ledger.settle('bob', '2026-01-01', 7, { input_tokens: 3, output_tokens: 4 })
		].map((p) => p.then(() => acknowledged++));
		await Promise.resolve();
		expect(acknowledged).toBe(0);
		expect(calls).toEqual([]);
		await ledger.flush!();
		await Promise.all(settles);
		expect(acknowledged).toBe(3);
		expect(calls.sort()).toEqual(['settle ann 2026-01-01 150 11+7', 'settle bob 2026-01-01 7 3+4']);
	});

	it("writes a user's waiting settlements before reading or reserving that user's day", async () => {
		const { calls, inner } = recordingLedger();
		const ledger = batchedSettles(inner, 60_000);
		void ledger.settle('ann', '2026-01-01', 10, { input_tokens: 1, output_tokens: 1 });
		void ledger.settle('bob', '2026-01-01', 10, { input_tokens: 2, output_tokens: 2 });
		await ledger.usedOn('ann', '2026-01-01');
		expect(calls).toEqual(['settle ann 2026-01-01 10 1+1', 'read ann']);
		await ledger.reserve('bob', '2026-01-01', 5, 100);
		expect(calls.slice(2)).toEqual(['settle bob 2026-01-01 10 2+2', 'reserve bob']);
	});

	it('rejects every settlement of a failed write, so each caller keeps its own for retry', async () => {
		const { inner } = recordingLedger(true);
		const ledger = batchedSettles(inner, 60_000);
		const a = ledger.settle('ann', '2026-01-01', 10, { input_tokens: 1, output_tokens: 1 });
		const b = ledger.settle('ann', '2026-01-01', 20, { input_tokens: 2, output_tokens: 2 });
		void ledger.flush!();
		await expect(a).rejects.toThrow('disk full');
		await expect(b).rejects.toThrow('disk full');
	});

	it('writes by itself once the window has passed', async () => {
		const { calls, inner } = recordingLedger();
		const ledger = batchedSettles(inner, 1);
		await ledger.settle('ann', '2026-01-01', 10, { input_tokens: 1, output_tokens: 1 });
		expect(calls).toEqual(['settle ann 2026-01-01 10 1+1']);
	});
});
