import { getStore } from '../store';
import type { WindowCounter } from './counter';
import { storeCounter } from './store-backed';

let counter: WindowCounter | undefined;

/** The window counter used by the guards: in the store, shared by all instances. */
export function getCounter(): WindowCounter {
	counter ??= storeCounter(getStore);
	return counter;
}
