import {
	BatchResultLineSchema,
	describeIssues,
	MessageSchema,
	UsageSchema,
	type BatchResultLine
} from '$lib/schemas';

export type ResultType = 'succeeded' | 'errored' | 'canceled' | 'expired' | 'malformed';
export const RESULT_TYPES: readonly ResultType[] = [
	'succeeded',
	'errored',
	'canceled',
	'expired',
	'malformed'
];

/**
 * What the viewer keeps per result line: enough for the table, search, sort and totals.
 * The full message is re-read from the raw line (kept by the worker) when a row is opened.
 */
export interface ResultRow {
	/** 1-based line number in the results file. */
	line: number;
	customId: string;
	type: ResultType;
	model: string;
	stopReason: string;
	inputTokens: number;
	outputTokens: number;
	cacheWriteTokens: number;
	cacheReadTokens: number;
	/** First line of the answer's text, or the error message, shortened. */
	firstLine: string;
	/** Lower-cased custom_id + text, for search. */
	haystack: string;
	/** Where the raw line sits in the file. */
	offset: number;
	length: number;
}

const FIRST_LINE_MAX = 160;

function firstLineOf(text: string): string {
	const trimmed = text.trimStart();
	const nl = trimmed.indexOf('\n');
	const first = nl === -1 ? trimmed : trimmed.slice(0, nl);
	return first.length > FIRST_LINE_MAX ? first.slice(0, FIRST_LINE_MAX - 1) + '…' : first;
}

/** The text of a result: the answer's text blocks, or the error's message. */
export function resultText(r: BatchResultLine['result']): string {
	if (r.type === 'succeeded') {
		const blocks = r.message.content;
		// Most answers are one text block: its text as it is, no list to join.
		if (blocks.length === 1 && blocks[0].type === 'text')
			return (blocks[0] as { text: string }).text;
		const parts: string[] = [];
		for (const b of r.message.content) {
			if (b.type === 'text') parts.push((b as { text: string }).text);
			else if (b.type === 'tool_use') parts.push(`[tool_use ${(b as { name: string }).name}]`);
		}
		return parts.join('\n');
	}
	if (r.type === 'errored') return `${r.error.error.type}: ${r.error.error.message}`;
	return '';
}

function row(
	line: number,
	offset: number,
	length: number,
	customId: string,
	type: ResultType,
	text: string
): ResultRow {
	const firstLine = firstLineOf(text);
	return {
		line,
		customId,
		type,
		model: '',
		stopReason: '',
		inputTokens: 0,
		outputTokens: 0,
		cacheWriteTokens: 0,
		cacheReadTokens: 0,
		firstLine,
		haystack: `${customId}\n${text}`.toLowerCase(),
		offset,
		length
	};
}

/**
 * Parses one JSONL result line into its compact row. A line that isn't JSON or isn't a result
 * becomes a `malformed` row carrying its line number and why, so the rest still loads.
 */
export function summarizeLine(
	text: string,
	line: number,
	offset = 0,
	length = text.length
): ResultRow {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (e) {
		return row(
			line,
			offset,
			length,
			'',
			'malformed',
			`line ${line} is not JSON: ${(e as Error).message}`
		);
	}
	// The common, well-formed line skips zod (it is most of the load time at 100k lines); the
	// schema still judges anything unusual and names what is wrong.
	if (looksLikeResult(value)) return fromResult(value, line, offset, length);
	const parsed = BatchResultLineSchema.safeParse(value);
	if (!parsed.success) {
		const id =
			typeof (value as { custom_id?: unknown })?.custom_id === 'string'
				? (value as { custom_id: string }).custom_id
				: '';
		return row(
			line,
			offset,
			length,
			id,
			'malformed',
			`line ${line} is not a batch result: ${describeIssues(parsed.error)}`
		);
	}
	return fromResult(parsed.data, line, offset, length);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The fast path: the fields the row reads, checked by hand (zod is most of the load time at 100k
 * lines). It must never accept what BatchResultLineSchema rejects (tests/unit/batches/fast-path.test.ts).
 */
export function looksLikeResult(v: unknown): v is BatchResultLine {
	if (!isObj(v) || typeof v.custom_id !== 'string' || !isObj(v.result)) return false;
	const r = v.result;
	if (r.type === 'canceled' || r.type === 'expired') return true;
	if (r.type === 'errored') {
		const e = r.error;
		return (
			isObj(e) &&
			e.type === 'error' &&
			isObj(e.error) &&
			typeof e.error.type === 'string' &&
			typeof e.error.message === 'string' &&
			isStrOrNull(e.request_id ?? null)
		);
	}
	if (r.type !== 'succeeded' || !isObj(r.message)) return false;
	const m = r.message;
	const u = m.usage;
	return (
		typeof m.id === 'string' &&
		m.type === 'message' &&
		m.role === 'assistant' &&
		typeof m.model === 'string' &&
		Array.isArray(m.content) &&
		m.content.every(isPlainTextBlock) &&
		isStrOrNull(m.stop_reason) &&
		isStrOrNull(m.stop_sequence) &&
		m.stop_details == null &&
		isObj(u) &&
		isCount(u.input_tokens) &&
		isCount(u.output_tokens) &&
		(u.cache_creation_input_tokens == null || isCount(u.cache_creation_input_tokens)) &&
		(u.cache_read_input_tokens == null || isCount(u.cache_read_input_tokens)) &&
		(u.cache_creation == null ||
			(isObj(u.cache_creation) &&
				isCount(u.cache_creation.ephemeral_5m_input_tokens) &&
				isCount(u.cache_creation.ephemeral_1h_input_tokens))) &&
		['service_tier', 'speed', 'inference_geo'].every(
			(k) => u[k] == null || typeof u[k] === 'string'
		) &&
		onlyHandChecked(m, MESSAGE_REST) &&
		onlyHandChecked(u, USAGE_REST)
	);
}

// Fields the schema knows but the fast path does not check: when present, the schema decides.
// Read from the schemas, so a field added there is never waved through here unchecked.
/** The schema's fields of an object, each with whether it accepts null (then null needs no zod). */
const fieldsOf = (shape: Record<string, { safeParse(v: unknown): { success: boolean } }>) =>
	Object.entries(shape).map(([key, field]) => ({ key, nullOk: field.safeParse(null).success }));
const MESSAGE_KEYS = fieldsOf(MessageSchema.shape);
const USAGE_KEYS = fieldsOf(UsageSchema.shape);
const HAND_CHECKED_MESSAGE = [
	'id',
	'type',
	'role',
	'model',
	'content',
	'stop_reason',
	'stop_sequence',
	'stop_details',
	'usage'
];
const HAND_CHECKED_USAGE = [
	'input_tokens',
	'output_tokens',
	'cache_creation_input_tokens',
	'cache_read_input_tokens',
	'cache_creation',
	'service_tier',
	'speed',
	'inference_geo'
];
/** The schema's fields the fast path leaves to it, worked out once rather than per line. */
const notHandChecked = (known: { key: string; nullOk: boolean }[], checked: string[]) =>
	known.filter(({ key }) => !checked.includes(key));
const MESSAGE_REST = notHandChecked(MESSAGE_KEYS, HAND_CHECKED_MESSAGE);
const USAGE_REST = notHandChecked(USAGE_KEYS, HAND_CHECKED_USAGE);
const onlyHandChecked = (v: Record<string, unknown>, rest: { key: string; nullOk: boolean }[]) =>
	rest.every(({ key, nullOk }) => v[key] === undefined || (v[key] === null && nullOk));

const isStrOrNull = (v: unknown) => v === null || typeof v === 'string';
const isCount = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
/** Plain text blocks are checked here; citations or any other block type leave the line to the schema. */
const isPlainTextBlock = (b: unknown) =>
	isObj(b) &&
	b.type === 'text' &&
	typeof b.text === 'string' &&
	(b.citations == null || (Array.isArray(b.citations) && b.citations.length === 0));

function fromResult(
	{ custom_id, result }: BatchResultLine,
	line: number,
	offset: number,
	length: number
): ResultRow {
	const out = row(line, offset, length, custom_id, result.type, resultText(result));
	if (result.type === 'succeeded') {
		const m = result.message;
		out.model = m.model;
		out.stopReason = m.stop_reason ?? '';
		out.inputTokens = m.usage.input_tokens;
		out.outputTokens = m.usage.output_tokens;
		out.cacheWriteTokens = m.usage.cache_creation_input_tokens ?? 0;
		out.cacheReadTokens = m.usage.cache_read_input_tokens ?? 0;
	}
	return out;
}

/** Parses a full line for the detail pane; null for a malformed one (the row says why). */
export function parseResultLine(text: string): BatchResultLine | null {
	try {
		const parsed = BatchResultLineSchema.safeParse(JSON.parse(text));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}
