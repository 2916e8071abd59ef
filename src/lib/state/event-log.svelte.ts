import { SvelteSet } from 'svelte/reactivity';
import type { LoggedEvent } from './run-buffer';

/** UI state of the raw event log: which event types are hidden, which rows are expanded, tail-follow. */
export class EventLogState {
	#hidden = new SvelteSet<string>();
	// Kept here, not in the row (virtualized rows unmount when scrolled away); keyed by the event
	// object, so a new run (new objects, seq restarting at 0) starts collapsed.
	#expanded = new SvelteSet<LoggedEvent>();
	follow = $state(true);

	isShown(type: string): boolean {
		return !this.#hidden.has(type);
	}
	get isFiltered(): boolean {
		return this.#hidden.size > 0;
	}
	toggleType(type: string): void {
		if (this.#hidden.has(type)) this.#hidden.delete(type);
		else this.#hidden.add(type);
	}
	showAll(): void {
		this.#hidden.clear();
	}
	isExpanded(e: LoggedEvent): boolean {
		return this.#expanded.has(e);
	}
	toggleExpanded(e: LoggedEvent): void {
		if (this.#expanded.has(e)) this.#expanded.delete(e);
		else this.#expanded.add(e);
	}
	/** The visible events; the same array when nothing is hidden (no copy of 100,000 rows). */
	visible(events: readonly LoggedEvent[]): readonly LoggedEvent[] {
		return this.#hidden.size === 0 ? events : events.filter((e) => !this.#hidden.has(e.event));
	}
}
