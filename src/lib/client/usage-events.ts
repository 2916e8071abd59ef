/**
 * "Tokens were just spent (or refused)": pages announce it after a run ends, a 429 included,
 * and the budget badge re-reads /api/usage instead of going stale until the tab regains focus.
 */
export const USAGE_CHANGED = 'playground:usage-changed';

export function announceUsageChanged(): void {
	window.dispatchEvent(new Event(USAGE_CHANGED));
}
