/**
 * Runs `fn` in a later task (not a microtask), so rendering and input get a turn in between. In a
 * browser through a MessageChannel: timers nested more than five deep are clamped to 4 ms, which
 * would leave a chain of short work slices mostly waiting. Elsewhere (node, tests) a timer.
 */
export function nextTask(fn: () => void): void {
	if (typeof document === 'undefined' || typeof MessageChannel !== 'function') {
		setTimeout(fn, 0);
		return;
	}
	const channel = new MessageChannel();
	channel.port1.onmessage = () => {
		channel.port1.close();
		fn();
	};
	channel.port2.postMessage(null);
}

/** `nextTask` awaited: resolves in a later task. */
export const afterTask = (): Promise<void> => new Promise((resolve) => nextTask(resolve));

/**
 * Runs `fn` in the task after the next animation frame (code run from a rAF callback alone
 * would still be inside that frame). A timer where there is no rAF.
 */
export function afterNextFrame(fn: () => void): void {
	if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => nextTask(fn));
	else setTimeout(fn, 16);
}
