import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FRAME_BUDGET_MS, pendingRenders, renderSoon } from '$lib/response/render-budget';

// No requestAnimationFrame in node: the budget falls back to a 16 ms timer per frame. The clock
// is faked, so "work" below advances performance.now() instead of burning time.
describe('render budget', () => {
	let now = 0;
	beforeEach(() => {
		vi.useFakeTimers();
		vi.spyOn(performance, 'now').mockImplementation(() => now);
	});
	afterEach(() => {
		vi.useRealTimers();
		vi.restoreAllMocks();
	});
	const work = (ms: number, log: string[], name: string) => () => {
		now += ms;
		log.push(name);
	};

	it('runs queued jobs in order in a later frame, never synchronously', () => {
		const log: string[] = [];
		renderSoon(work(1, log, 'a'));
		renderSoon(work(1, log, 'b'));
		expect(log).toEqual([]);
		vi.advanceTimersByTime(16);
		expect(log).toEqual(['a', 'b']);
		expect(pendingRenders()).toBe(0);
	});

	it('stops a slice once its budget is spent and runs the rest in a later task, not a frame later', () => {
		const log: string[] = [];
		for (const name of ['a', 'b', 'c', 'd']) renderSoon(work(FRAME_BUDGET_MS / 2 + 1, log, name));
		vi.advanceTimersToNextTimer();
		expect(log).toEqual(['a', 'b']);
		// A timer set during a fake tick fires 1 ms later: a task, well before the next frame (16 ms).
		vi.advanceTimersByTime(1);
		expect(log).toEqual(['a', 'b', 'c', 'd']);
	});

	it('runs jobs queued by running jobs in the next task once the budget is spent, not a frame later', () => {
		const log: string[] = [];
		// A chain, as a view renders its pages: each job queues the next.
		const chain = (names: string[]) => () => {
			work(FRAME_BUDGET_MS / 2 + 1, log, names[0])();
			if (names.length > 1) renderSoon(chain(names.slice(1)));
		};
		renderSoon(chain(['a', 'b', 'c', 'd']));
		vi.advanceTimersToNextTimer();
		expect(log).toEqual(['a', 'b']);
		vi.advanceTimersByTime(1);
		expect(log).toEqual(['a', 'b', 'c', 'd']);
		expect(pendingRenders()).toBe(0);
	});

	it('keeps going in later tasks when a job that queued the next one throws', () => {
		const log: string[] = [];
		renderSoon(() => {
			renderSoon(work(1, log, 'next'));
			throw new Error('a broken job');
		});
		expect(() => vi.advanceTimersByTime(16)).toThrow('a broken job');
		vi.advanceTimersByTime(1);
		expect(log).toEqual(['next']);
	});

	it('drops a cancelled job (its input changed) and waits for notBefore', () => {
		const log: string[] = [];
		const cancel = renderSoon(work(1, log, 'old'));
		renderSoon(work(1, log, 'later'), now + 40);
		renderSoon(work(1, log, 'new'));
		cancel();
		vi.advanceTimersByTime(16);
		expect(log).toEqual(['new']);
		now += 50;
		vi.advanceTimersByTime(16);
		expect(log).toEqual(['new', 'later']);
	});
});
