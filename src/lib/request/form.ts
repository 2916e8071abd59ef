/**
 * The form face of a Messages request and the two pure mappings between it and the JSON body.
 * The form holds what its widgets can edit; everything else (unknown fields, newer block
 * types, values of the wrong type) rides along in `extra` / `raw` so a round trip loses nothing.
 */
import { DEFAULT_MODEL } from '$lib/catalog';
import { MessageCreateParamsSchema, type CacheControl } from '$lib/schemas';
import { cacheOf, Editable, extraOf, without } from './editable-blocks';

type Json = Record<string, unknown>;

interface BlockCommon {
	cache: CacheControl | null;
	/** Fields of the block the form does not edit, kept verbatim. */
	extra: Json;
}
export interface TextForm extends BlockCommon {
	kind: 'text';
	text: string;
}
export interface ImageForm extends BlockCommon {
	kind: 'image';
	mediaType: string;
	data: string;
}
export interface ToolUseForm extends BlockCommon {
	kind: 'tool_use';
	id: string;
	name: string;
	input: Json;
}
export interface ToolResultForm extends BlockCommon {
	kind: 'tool_result';
	toolUseId: string;
	/** A string, nested text/image blocks, or absent. */
	content: string | BlockForm[] | undefined;
	isError: boolean | undefined;
}
/**
 * A document or search_result block: its fields (source, title, context, citations; or
 * source, title, content) stay in `extra`, edited by their own editor field by field.
 */
export interface SourceBlockForm extends BlockCommon {
	kind: 'document' | 'search_result';
}
/** A block the form cannot edit (document, newer types, malformed): shown read-only, sent as is. */
export interface RawForm {
	kind: 'raw';
	value: unknown;
}
export type BlockForm =
	TextForm | ImageForm | ToolUseForm | ToolResultForm | SourceBlockForm | RawForm;
export type BlockKind = BlockForm['kind'];

export interface MessageForm {
	role: string;
	blocks: BlockForm[];
	/** The body had `content` as a string; kept a string while it is one plain text block. */
	asString: boolean;
	extra: Json;
}

export interface SystemForm {
	blocks: TextForm[];
	asString: boolean;
}

export interface ToolForm {
	/** The tool definition without `cache_control`. */
	def: Json;
	cache: CacheControl | null;
}

export interface ParamsForm {
	maxTokens: number | undefined;
	temperature: number | undefined;
	topK: number | undefined;
	topP: number | undefined;
	stopSequences: string[] | undefined;
	/** The whole metadata object; the form edits only `user_id`. */
	metadata: Json | undefined;
	stream: boolean | undefined;
}

export interface RequestForm {
	model: string | undefined;
	system: SystemForm | null;
	messages: MessageForm[];
	tools: ToolForm[] | undefined;
	params: ParamsForm;
	/** Top-level fields the form does not edit (tool_choice, newer fields, wrongly typed values). */
	extra: Json;
	/** Key order of the body last loaded, so regenerated JSON keeps the user's layout. */
	keyOrder: string[];
}

const isObject = (v: unknown): v is Json =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function emptyText(text = ''): TextForm {
	return { kind: 'text', text, cache: null, extra: {} };
}

export function defaultForm(): RequestForm {
	return {
		model: DEFAULT_MODEL,
		system: null,
		messages: [{ role: 'user', blocks: [emptyText()], asString: true, extra: {} }],
		tools: undefined,
		params: {
			maxTokens: 1024,
			temperature: undefined,
			topK: undefined,
			topP: undefined,
			stopSequences: undefined,
			metadata: undefined,
			stream: true
		},
		extra: {},
		keyOrder: []
	};
}

// ---------- body -> form ----------

export function blockToForm(value: unknown): BlockForm {
	if (!isObject(value)) return { kind: 'raw', value };
	const cache = cacheOf(value);
	if (cache === false) return { kind: 'raw', value };
	const text = Editable.text.safeParse(value);
	if (text.success)
		return { kind: 'text', text: text.data.text, cache, extra: extraOf(value, Editable.text) };
	const image = Editable.image.safeParse(value);
	// The image editor shows the source's bytes, so a source with more to it stays raw.
	if (image.success && Object.keys(image.data.source).length === 3) {
		const { media_type, data } = image.data.source;
		return {
			kind: 'image',
			mediaType: media_type,
			data,
			cache,
			extra: extraOf(value, Editable.image)
		};
	}
	for (const kind of ['document', 'search_result'] as const)
		if (Editable[kind].safeParse(value).success)
			return { kind, cache, extra: without(value, ['type', 'cache_control']) };
	const call = Editable.tool_use.safeParse(value);
	if (call.success) {
		const { id, name, input } = call.data;
		return { kind: 'tool_use', id, name, input, cache, extra: extraOf(value, Editable.tool_use) };
	}
	const result = Editable.tool_result.safeParse(value);
	if (result.success) {
		const { tool_use_id, content, is_error } = result.data;
		return {
			kind: 'tool_result',
			toolUseId: tool_use_id,
			content: Array.isArray(content) ? content.map(blockToForm) : content,
			isError: is_error,
			cache,
			extra: extraOf(value, Editable.tool_result)
		};
	}
	return { kind: 'raw', value };
}

function messageToForm(value: unknown): MessageForm | null {
	if (!isObject(value) || typeof value.role !== 'string') return null;
	const extra = without(value, ['role', 'content']);
	if (typeof value.content === 'string')
		return { role: value.role, blocks: [emptyText(value.content)], asString: true, extra };
	if (Array.isArray(value.content))
		return { role: value.role, blocks: value.content.map(blockToForm), asString: false, extra };
	return null;
}

function systemToForm(value: unknown): SystemForm | null | false {
	if (value === undefined) return null;
	if (typeof value === 'string') return { blocks: [emptyText(value)], asString: true };
	if (!Array.isArray(value)) return false;
	const blocks = value.map(blockToForm);
	return blocks.every((b) => b.kind === 'text')
		? { blocks: blocks as TextForm[], asString: false }
		: false;
}

function toolToForm(value: unknown): ToolForm | null {
	if (!isObject(value)) return null;
	const cache = cacheOf(value);
	return cache === false ? null : { def: without(value, ['cache_control']), cache };
}

/** Every item of `list` mapped, or null if any item does not fit the form. */
function mapAll<T>(list: unknown, fn: (v: unknown) => T | null): T[] | null {
	if (!Array.isArray(list)) return null;
	const out: T[] = [];
	for (const v of list) {
		const f = fn(v);
		if (f === null) return null;
		out.push(f);
	}
	return out;
}

/** Any JSON object becomes a form; what the form cannot hold stays in `extra`. */
export function bodyToForm(body: Json): RequestForm {
	const form = defaultForm();
	const extra: Json = {};
	const take = (key: string, ok: boolean) => {
		if (!ok && key in body) extra[key] = body[key];
		return ok;
	};
	form.model = take('model', body.model === undefined || typeof body.model === 'string')
		? (body.model as string | undefined)
		: undefined;
	const messages = mapAll(body.messages, messageToForm);
	form.messages = take('messages', messages !== null) ? messages! : [];
	const system = systemToForm(body.system);
	form.system = take('system', system !== false) ? (system as SystemForm | null) : null;
	const tools = body.tools === undefined ? undefined : mapAll(body.tools, toolToForm);
	form.tools = take('tools', tools !== null) ? (tools ?? undefined) : undefined;

	const num = (key: string, int = false) => {
		const v = body[key];
		return take(key, v === undefined || (isNumber(v) && (!int || Number.isInteger(v))))
			? (v as number | undefined)
			: undefined;
	};
	const stops = body.stop_sequences;
	const meta = body.metadata;
	form.params = {
		maxTokens: num('max_tokens', true),
		temperature: num('temperature'),
		topK: num('top_k', true),
		topP: num('top_p'),
		stopSequences: take(
			'stop_sequences',
			stops === undefined || (Array.isArray(stops) && stops.every((s) => typeof s === 'string'))
		)
			? (stops as string[] | undefined)
			: undefined,
		metadata: take('metadata', meta === undefined || isObject(meta))
			? (meta as Json | undefined)
			: undefined,
		stream: take('stream', body.stream === undefined || typeof body.stream === 'boolean')
			? (body.stream as boolean | undefined)
			: undefined
	};
	for (const [k, v] of Object.entries(body)) if (!KNOWN_KEYS.includes(k)) extra[k] = v;
	form.extra = extra;
	form.keyOrder = Object.keys(body);
	return form;
}

/** The request fields the form edits (named as the request schema names them); any other rides in `extra`. */
const KNOWN_KEYS: readonly string[] = [
	'model',
	'max_tokens',
	'system',
	'messages',
	'tools',
	'temperature',
	'top_k',
	'top_p',
	'stop_sequences',
	'metadata',
	'stream'
] as const satisfies readonly (keyof typeof MessageCreateParamsSchema.shape)[];

// ---------- form -> body ----------

function withCache(obj: Json, cache: CacheControl | null): Json {
	return cache ? { ...obj, cache_control: cache } : obj;
}

export function blockToBody(block: BlockForm): unknown {
	switch (block.kind) {
		case 'raw':
			return block.value;
		case 'document':
		case 'search_result':
			return withCache({ type: block.kind, ...block.extra }, block.cache);
		case 'text':
			return withCache({ type: 'text', text: block.text, ...block.extra }, block.cache);
		case 'image':
			return withCache(
				{
					type: 'image',
					source: { type: 'base64', media_type: block.mediaType, data: block.data },
					...block.extra
				},
				block.cache
			);
		case 'tool_use':
			return withCache(
				{ type: 'tool_use', id: block.id, name: block.name, input: block.input, ...block.extra },
				block.cache
			);
		case 'tool_result': {
			const out: Json = { type: 'tool_result', tool_use_id: block.toolUseId };
			if (block.content !== undefined)
				out.content =
					typeof block.content === 'string' ? block.content : block.content.map(blockToBody);
			if (block.isError !== undefined) out.is_error = block.isError;
			return withCache({ ...out, ...block.extra }, block.cache);
		}
	}
}

/** A single text block with nothing else on it can be written as a plain string. */
function plainText(blocks: BlockForm[]): string | null {
	const [b] = blocks;
	return blocks.length === 1 && b.kind === 'text' && !b.cache && Object.keys(b.extra).length === 0
		? b.text
		: null;
}

function messageToBody(m: MessageForm): Json {
	const text = m.asString ? plainText(m.blocks) : null;
	return { role: m.role, content: text ?? m.blocks.map(blockToBody), ...m.extra };
}

export function formToBody(form: RequestForm): Json {
	const p = form.params;
	const fields: Json = { ...form.extra };
	const set = (key: string, v: unknown) => {
		if (v !== undefined) fields[key] = v;
	};
	set('model', form.model);
	set('max_tokens', p.maxTokens);
	if (form.system) {
		const text = form.system.asString ? plainText(form.system.blocks) : null;
		set('system', text ?? form.system.blocks.map(blockToBody));
	}
	if (form.messages.length > 0 || !('messages' in form.extra))
		set('messages', form.messages.map(messageToBody));
	set(
		'tools',
		form.tools?.map((t) => withCache(t.def, t.cache))
	);
	set('temperature', p.temperature);
	set('top_k', p.topK);
	set('top_p', p.topP);
	set('stop_sequences', p.stopSequences);
	set('metadata', p.metadata);
	set('stream', p.stream);
	// Keys the user already had keep their place; new ones follow in the order above.
	const out: Json = {};
	for (const k of form.keyOrder) if (k in fields) out[k] = fields[k];
	for (const [k, v] of Object.entries(fields)) if (!(k in out)) out[k] = v;
	return out;
}
