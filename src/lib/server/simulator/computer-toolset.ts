import { decodeBase64, imageSize, sniffImage, type Size } from './images';
import { hashString } from './random';

/**
 * computer_toolset_20260801, as the API serves it: the `tools[]` entry has no name and no
 * display size; the model calls its members (`screenshot`, `left_click`, `type`, `key`...) by
 * their own names, each `tool_use` carrying `toolset_name: "computer"`. Coordinates are in
 * screenshot pixels, so the model looks first and clicks inside the last screenshot it got.
 * A member switched off with `configs.<member>.enabled: false` is never called.
 */
export const COMPUTER_TOOLSET_TYPE = 'computer_toolset_20260801';
export const COMPUTER_TOOLSET_NAME = 'computer';
export const COMPUTER_MEMBERS = [
	'key',
	'hold_key',
	'type',
	'cursor_position',
	'mouse_move',
	'left_mouse_down',
	'left_mouse_up',
	'left_click',
	'left_click_drag',
	'right_click',
	'middle_click',
	'double_click',
	'triple_click',
	'scroll',
	'wait',
	'screenshot',
	'zoom'
] as const;

/** Before any screenshot came back the model assumes the common XGA screen the docs recommend. */
export const DEFAULT_SCREEN: Size = { width: 1024, height: 768 };

export interface ComputerStep {
	step: number;
	lastFailed: boolean;
	prompt: string;
	/** The size of the last screenshot returned in the conversation, if any. */
	screen: Size | undefined;
}

export interface MemberCall {
	name: string;
	input: Record<string, unknown>;
}

export function isMember(name: string | undefined): boolean {
	return (COMPUTER_MEMBERS as readonly (string | undefined)[]).includes(name);
}

function enabled(toolset: unknown, member: string): boolean {
	const configs = (
		toolset as { configs?: Record<string, { enabled?: boolean | null } | null> | null }
	).configs;
	return configs?.[member]?.enabled !== false;
}

/** What to type: a quoted phrase, a URL, or what the prompt asks to search for. */
export function typedText(prompt: string): { text: string; isUrl: boolean } {
	const url = prompt.match(
		/\bhttps?:\/\/[^\s"')]+|\b(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|edu|gov)(?:\/[^\s"')]*)?/i
	)?.[0];
	const quoted = prompt.match(/["“]([^"”]{1,60})["”]/)?.[1];
	if (quoted) return { text: quoted, isUrl: false };
	if (url) return { text: url, isUrl: true };
	const query = prompt.match(
		/\bsearch(?: the web)?(?: for)?\s+(.+?)\s*(?:\bplease\b|[.!?]|$)/i
	)?.[1];
	return {
		text:
			(query ?? prompt.replace(/\b(open|a|the|browser|and|please)\b/gi, ' '))
				.replace(/\s+/g, ' ')
				.trim() || 'hello world',
		isUrl: false
	};
}

/** Where the text goes: the address bar for a URL, the page's search box otherwise; inside the screen. */
function target(screen: Size, isUrl: boolean, prompt: string): [number, number] {
	const jitter = (hashString(prompt) % 11) / 100;
	const fx = isUrl ? 0.3 + jitter : 0.45 + jitter;
	const fy = isUrl ? 0.06 : 0.35 + jitter;
	const clamp = (v: number, max: number) => Math.min(max - 1, Math.max(0, Math.round(v)));
	return [clamp(screen.width * fx, screen.width), clamp(screen.height * fy, screen.height)];
}

/** The member call after `step` earlier ones: look, click the field, type, press Return, look again. */
export function computerCall(toolset: unknown, s: ComputerStep): MemberCall | undefined {
	const screen = s.screen ?? DEFAULT_SCREEN;
	const { text, isUrl } = typedText(s.prompt);
	const script: MemberCall[] = [
		{ name: 'screenshot', input: {} },
		{ name: 'left_click', input: { coordinate: target(screen, isUrl, s.prompt) } },
		{ name: 'type', input: { text } },
		{ name: 'key', input: { text: 'Return' } },
		{ name: 'screenshot', input: {} }
	].filter((c) => enabled(toolset, c.name));
	if (s.step >= script.length) return undefined;
	// After a failed action the model looks again before going on.
	if (s.lastFailed && enabled(toolset, 'screenshot')) return { name: 'screenshot', input: {} };
	return script[s.step];
}

/** A valid input for any member, inside the screen: what a forced `tool_choice` of that member gets. */
export function memberInput(
	member: string,
	screen: Size | undefined,
	prompt: string
): Record<string, unknown> {
	const { width: w, height: h } = screen ?? DEFAULT_SCREEN;
	const at = (fx: number, fy: number) => [
		Math.min(w - 1, Math.floor(w * fx)),
		Math.min(h - 1, Math.floor(h * fy))
	];
	switch (member) {
		case 'left_click':
		case 'right_click':
		case 'middle_click':
		case 'double_click':
		case 'triple_click':
		case 'mouse_move':
			return { coordinate: at(0.5, 0.5) };
		case 'left_click_drag':
			return { start_coordinate: at(0.25, 0.5), coordinate: at(0.75, 0.5) };
		case 'scroll':
			return {
				coordinate: at(0.5, 0.5),
				scroll_direction: /\bup\b/i.test(prompt) ? 'up' : 'down',
				scroll_amount: 3
			};
		case 'type':
			return { text: typedText(prompt).text };
		case 'key':
			return { text: 'Return' };
		case 'hold_key':
			return { text: 'shift', duration: 1 };
		case 'wait':
			return { duration: 1 };
		case 'zoom':
			return { region: [0, 0, ...at(0.5, 0.5)] };
		default:
			return {};
	}
}

type Block = { type?: string; source?: { type?: string; data?: unknown }; content?: unknown };

/** The size of the newest base64 image in the tool results so far: the screen the model last saw. */
export function lastScreenSize(
	messages: readonly { role: string; content?: unknown }[]
): Size | undefined {
	for (let i = messages.length - 1; i >= 0; i--) {
		const blocks = Array.isArray(messages[i].content) ? (messages[i].content as Block[]) : [];
		const images = blocks
			.filter((b) => b.type === 'tool_result' && Array.isArray(b.content))
			.flatMap((b) => (b.content as Block[]).filter((x) => x.type === 'image'));
		for (const image of images.reverse()) {
			if (image.source?.type !== 'base64' || typeof image.source.data !== 'string') continue;
			const bytes = decodeBase64(image.source.data);
			const kind = sniffImage(bytes);
			const size = kind && imageSize(bytes, kind);
			if (size) return size;
		}
	}
	return undefined;
}
