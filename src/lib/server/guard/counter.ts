/**
 * Counts events per key in fixed time windows. The store implements it so limits hold across
 * instances; the in-memory one serves a single instance and tests.
 */
export interface WindowCounter {
	/** Records one event now and returns how many the key has in the current window. */
	hit(key: string, windowMs: number, now?: number): Promise<number>;
	/** How many events the key has in the current window, without recording one. */
	count(key: string, windowMs: number, now?: number): Promise<number>;
}

export function memoryCounter(): WindowCounter {
	const windows = new Map<string, { start: number; count: number }>();
	return {
		async hit(key, windowMs, now = Date.now()) {
			const start = Math.floor(now / windowMs) * windowMs;
			const current = windows.get(key);
			if (!current || current.start !== start) {
				// Old windows are dropped as keys come back, so the map stays small.
				windows.set(key, { start, count: 1 });
				return 1;
			}
			current.count += 1;
			return current.count;
		},
		async count(key, windowMs, now = Date.now()) {
			const current = windows.get(key);
			return current && current.start === Math.floor(now / windowMs) * windowMs ? current.count : 0;
		}
	};
}
