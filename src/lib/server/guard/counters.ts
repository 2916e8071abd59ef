import { memoryCounter, type WindowCounter } from './counter';

let counter: WindowCounter | undefined;

/** The window counter used by the guards (in memory until the store provides a shared one). */
export function getCounter(): WindowCounter {
	counter ??= memoryCounter();
	return counter;
}
