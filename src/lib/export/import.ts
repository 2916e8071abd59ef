import { MessageCreateParamsSchema, describeIssues } from '$lib/schemas';
import { shellWords } from './shell-words';

export type ImportResult =
	| {
			ok: true;
			body: Record<string, unknown>;
			betas: string[];
			apiVersion?: string;
			warning?: string;
	  }
	| { ok: false; error: string };

const DATA_FLAGS = new Set([
	'-d',
	'--data',
	'--data-raw',
	'--data-binary',
	'--data-ascii',
	'--json'
]);
const HEADER_FLAGS = new Set(['-H', '--header']);

/** Imports a pasted curl command or a JSON body (SDK-shaped: a `betas` field is taken out). */
export function importRequest(text: string): ImportResult {
	const trimmed = text.trim();
	if (!trimmed)
		return { ok: false, error: 'Nothing to import: paste a curl command or a JSON request body.' };
	if (/^curl\s/.test(trimmed)) return importCurl(trimmed);
	return fromJson(trimmed, []);
}

export function importCurl(command: string): ImportResult {
	let words: string[];
	try {
		words = shellWords(command);
	} catch (e) {
		return { ok: false, error: `Cannot read the curl command: ${(e as Error).message}.` };
	}
	let data: string | undefined;
	let apiVersion: string | undefined;
	const betas: string[] = [];
	for (let i = 1; i < words.length; i++) {
		const { flag, value, consumed } = option(words, i);
		i += consumed;
		if (DATA_FLAGS.has(flag)) {
			if (value === undefined) return { ok: false, error: `${flag} has no value.` };
			if (value.startsWith('@') && flag !== '--data-raw')
				return {
					ok: false,
					error: `${flag} ${value} reads the body from a file; paste the JSON itself instead.`
				};
			data = data === undefined ? value : `${data}&${value}`; // curl joins repeated -d with '&'
		} else if (HEADER_FLAGS.has(flag) && value) {
			const [name, ...rest] = value.split(':');
			const header = name.trim().toLowerCase();
			if (header === 'anthropic-beta')
				betas.push(
					...rest
						.join(':')
						.split(',')
						.map((b) => b.trim())
						.filter(Boolean)
				);
			if (header === 'anthropic-version') apiVersion = rest.join(':').trim();
		}
	}
	if (data === undefined)
		return { ok: false, error: 'The curl command has no request body (-d / --data).' };
	const result = fromJson(data, betas);
	return result.ok && apiVersion ? { ...result, apiVersion } : result;
}

/** Reads one option at words[i]: `-d x`, `-dx`, `--data x` or `--data=x`. */
function option(words: string[], i: number): { flag: string; value?: string; consumed: number } {
	const w = words[i];
	const eq = w.indexOf('=');
	if (w.startsWith('--') && eq > 0)
		return { flag: w.slice(0, eq), value: w.slice(eq + 1), consumed: 0 };
	if (/^-[dH]./.test(w)) return { flag: w.slice(0, 2), value: w.slice(2), consumed: 0 };
	if (DATA_FLAGS.has(w) || HEADER_FLAGS.has(w))
		return { flag: w, value: words[i + 1], consumed: 1 };
	return { flag: w, consumed: 0 };
}

function fromJson(text: string, headerBetas: string[]): ImportResult {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return { ok: false, error: 'The request body is not valid JSON.' };
	}
	if (!value || typeof value !== 'object' || Array.isArray(value))
		return { ok: false, error: 'The request body must be a JSON object.' };
	const { betas: bodyBetas, ...body } = value as Record<string, unknown>;
	const betas = [...headerBetas];
	if (Array.isArray(bodyBetas))
		for (const b of bodyBetas) if (typeof b === 'string' && !betas.includes(b)) betas.push(b);
	const check = MessageCreateParamsSchema.safeParse(body);
	// Imported anyway: the editor shows the problem and the person can fix it there.
	return check.success
		? { ok: true, body, betas }
		: { ok: true, body, betas, warning: describeIssues(check.error) };
}
