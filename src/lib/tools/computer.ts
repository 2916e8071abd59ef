import type { ToolAnswer } from './pairing';

/**
 * Replays computer actions (the 2024 tool's `{action}` inputs, or toolset calls mapped to them)
 * onto a virtual screen: where the pointer is after each action, which actions click, and what
 * was typed. The screen canvas draws this list and
 * exposes it as a data attribute, so tests check actions rather than pixels.
 */
export interface ScreenAction {
	action: string;
	/** The pointer after the action. */
	x: number;
	y: number;
	/** Typed text or key name, for `type` and `key`. */
	text?: string;
	isClick: boolean;
	/** left_click_drag: where the drag started. */
	from?: [number, number];
}

const CLICKS = ['left_click', 'right_click', 'middle_click', 'double_click'];

function coordinate(v: unknown): [number, number] | null {
	return Array.isArray(v) &&
		v.length === 2 &&
		v.every((n) => typeof n === 'number' && Number.isFinite(n))
		? [v[0], v[1]]
		: null;
}

/** The computer tool's inputs, in call order, as drawable actions; the pointer starts at the centre. */
export function replayActions(
	inputs: readonly Record<string, unknown>[],
	width: number,
	height: number
): ScreenAction[] {
	let x = Math.round(width / 2);
	let y = Math.round(height / 2);
	return inputs.map((input) => {
		const action = typeof input.action === 'string' ? input.action : 'unknown';
		const at = coordinate(input.coordinate);
		const from: [number, number] = [x, y];
		if (at) [x, y] = at;
		const out: ScreenAction = { action, x, y, isClick: CLICKS.includes(action) };
		if (typeof input.text === 'string') out.text = input.text;
		if (action === 'left_click_drag') out.from = from;
		return out;
	});
}

/** A one-line description for the call list: "left_click at (120, 40)", "type "hello"". */
export function describeAction(input: Record<string, unknown>): string {
	const action = typeof input.action === 'string' ? input.action : '(no action)';
	const at = coordinate(input.coordinate);
	if (typeof input.text === 'string') return `${action} ${JSON.stringify(input.text)}`;
	return at ? `${action} at (${at[0]}, ${at[1]})` : action;
}

type Screenshot = NonNullable<ToolAnswer['image']>;
interface StepResults {
	results: { tool_use_id: string; content?: unknown }[];
}

function imageIn(content: unknown): Screenshot | undefined {
	if (!Array.isArray(content)) return undefined;
	for (const b of [...content].reverse()) {
		const src = (b as { type?: string; source?: Record<string, unknown> })?.source;
		if (
			(b as { type?: string }).type === 'image' &&
			src?.type === 'base64' &&
			typeof src.data === 'string'
		) {
			return { mediaType: src.media_type as Screenshot['mediaType'], data: src.data };
		}
	}
	return undefined;
}

/** The newest screenshot: one attached to a waiting call, else the last one sent back in a step. */
export function latestScreenshot(
	steps: readonly StepResults[],
	pending: readonly (Screenshot | undefined)[]
): Screenshot | null {
	const waiting = pending.filter((p): p is Screenshot => p !== undefined).at(-1);
	if (waiting) return waiting;
	for (const step of [...steps].reverse()) {
		for (const r of [...step.results].reverse()) {
			const image = imageIn(r.content);
			if (image) return image;
		}
	}
	return null;
}
