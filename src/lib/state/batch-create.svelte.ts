import { batches, toUserMessage } from '$lib/api';
import type { Prepared } from '$lib/batches/prepare';
import type { PrepareIn, PrepareOut } from '$lib/batches/protocol';
import { templateFromRequest, templateVariables } from '$lib/batches/template';
import { saveBatchRequests } from '$lib/client/batch-requests';
import { DEFAULT_MODEL } from '$lib/catalog';

/** Used when the playground has no request saved yet. */
const STARTER = {
	model: DEFAULT_MODEL,
	max_tokens: 1024,
	messages: [{ role: 'user', content: '{{prompt}}' }]
};

export interface Progress {
	phase: string;
	done: number;
	total: number;
}

/** How many rows the preview shows and how many bad rows the list shows. */
export const PREVIEW_COUNT = 3;
export const BAD_SHOWN = 200;

function parseTemplate(text: string): {
	value: Record<string, unknown> | null;
	error: string | null;
} {
	try {
		const v = JSON.parse(text);
		if (!v || typeof v !== 'object' || Array.isArray(v))
			return {
				value: null,
				error: 'The template must be a JSON object (a Messages request body).'
			};
		return { value: v, error: null };
	} catch (e) {
		return { value: null, error: `The template is not valid JSON: ${(e as Error).message}` };
	}
}

/**
 * The create page: a template, an uploaded rows file, and the checked requests they make.
 * Parsing and checking run in a worker; any change to template, file or custom_id choice
 * starts a fresh check and drops the previous one.
 */
export class BatchCreateState {
	templateText = $state(JSON.stringify(STARTER, null, 2));
	label = $state('');
	excludeBad = $state(false);
	#file = $state.raw<File | null>(null);
	#customIdColumn = $state<string | null>(null);
	#columns = $state.raw<string[]>([]);
	#prepared = $state.raw<Prepared | null>(null);
	#progress = $state.raw<Progress | null>(null);
	#error = $state<string | null>(null);
	#creating = $state(false);
	#worker: Worker | null = null;
	#timer: ReturnType<typeof setTimeout> | undefined;

	readonly #template = $derived(parseTemplate(this.templateText));
	readonly variables = $derived(
		this.#template.value ? templateVariables(this.#template.value) : []
	);

	/** Starts from the playground's request (its draft text); text that doesn't parse is kept as is, to be fixed here. */
	useRequest(json: string): void {
		let text = json;
		try {
			const v = JSON.parse(json);
			if (v && typeof v === 'object' && !Array.isArray(v))
				text = JSON.stringify(templateFromRequest(v), null, 2);
		} catch {
			// shown with its parse error under the editor
		}
		this.editTemplate(text);
	}

	get templateError() {
		return this.#template.error;
	}
	get file() {
		return this.#file;
	}
	get columns() {
		return this.#columns;
	}
	get customIdColumn() {
		return this.#customIdColumn;
	}
	get prepared() {
		return this.#prepared;
	}
	get progress() {
		return this.#progress;
	}
	get error() {
		return this.#error;
	}
	get creating() {
		return this.#creating;
	}
	get preview() {
		return this.#prepared?.requests.slice(0, PREVIEW_COUNT) ?? [];
	}
	/** Why Create is disabled, or null. */
	get blockedReason(): string | null {
		const p = this.#prepared;
		if (this.#template.error) return this.#template.error;
		if (!this.#file) return 'Upload a CSV or JSONL file of rows.';
		if (this.#progress || !p) return 'Checking rows…';
		if (p.limitErrors.length) return p.limitErrors[0];
		if (p.bad.length && !this.excludeBad)
			return `${p.bad.length} bad row${p.bad.length === 1 ? '' : 's'}: fix them or exclude them.`;
		if (!p.requests.length) return 'No valid rows to send.';
		if (this.#creating) return 'Creating…';
		return null;
	}

	setFile(file: File | null): void {
		this.#file = file;
		this.#customIdColumn = null;
		this.check();
	}
	setCustomIdColumn(column: string | null): void {
		this.#customIdColumn = column;
		this.check();
	}
	/** Template edits are checked a moment after typing stops. */
	editTemplate(text: string): void {
		this.templateText = text;
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => this.check(), 400);
	}

	check(): void {
		this.#worker?.terminate();
		this.#worker = null;
		this.#prepared = null;
		this.#error = null;
		const file = this.#file;
		if (!file || !this.#template.value) return void (this.#progress = null);
		const worker = new Worker(new URL('../batches/prepare.worker.ts', import.meta.url), {
			type: 'module'
		});
		this.#worker = worker;
		this.#progress = { phase: 'reading', done: 0, total: file.size };
		worker.onmessage = (e: MessageEvent<PrepareOut>) => {
			const m = e.data;
			if (m.type === 'progress') return void (this.#progress = m);
			if (m.type === 'done') {
				this.#prepared = m.prepared;
				this.#columns = m.columns;
			} else this.#error = m.message;
			this.#progress = null;
			worker.terminate();
			this.#worker = null;
		};
		const msg: PrepareIn = {
			file,
			fileName: file.name,
			template: $state.snapshot(this.#template.value),
			options: { customIdColumn: this.#customIdColumn }
		};
		worker.postMessage(msg);
	}

	/** Sends the batch; returns its id, or null with `error` set. */
	async create(): Promise<string | null> {
		const p = this.#prepared;
		if (this.blockedReason || !p) return null;
		this.#creating = true;
		this.#error = null;
		try {
			const requests = p.requests.map((r) => ({ custom_id: r.custom_id, params: r.params }));
			const batch = await batches.create(requests, {
				label: this.label.trim(),
				template: this.#template.value
			});
			await saveBatchRequests(batch.id, requests);
			return batch.id;
		} catch (e) {
			this.#error = toUserMessage(e);
			return null;
		} finally {
			this.#creating = false;
		}
	}

	dispose(): void {
		clearTimeout(this.#timer);
		this.#worker?.terminate();
	}
}
