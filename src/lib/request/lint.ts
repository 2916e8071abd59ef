/**
 * Checks the JSON text of a request: syntax, then the zod schema (the same one the server
 * uses), then rules the schema cannot express. Each problem carries the field path and the
 * text span to underline.
 */
import { formatPath, MessageCreateParamsSchema, primaryIssue } from '$lib/schemas';
import { breakpointPaths, MAX_BREAKPOINTS } from './breakpoints';
import { locate } from './json-positions';
import { DEFAULT_API_VERSION, versionProblems } from './versions';

export interface RequestDiagnostic {
	from: number;
	to: number;
	/** Dotted field path (`messages.0.role`); empty for the document itself. */
	path: string;
	message: string;
}

export interface Analysis {
	/** The parsed object, when the text is a JSON object (even if the schema rejects it). */
	body: Record<string, unknown> | null;
	diagnostics: RequestDiagnostic[];
}

function syntaxError(text: string, e: unknown): RequestDiagnostic {
	const raw = e instanceof Error ? e.message : String(e);
	const at = /at position (\d+)/.exec(raw);
	const pos = at ? Math.min(Number(at[1]), text.length) : text.length;
	const message =
		'Invalid JSON: ' + raw.replace(/\s*in JSON at position.*$/, '').replace(/^JSON\.parse: /, '');
	return {
		from: Math.max(0, Math.min(pos, text.length - 1)),
		to: Math.min(pos + 1, text.length),
		path: '',
		message
	};
}

export function analyzeRequest(text: string, version: string = DEFAULT_API_VERSION): Analysis {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (e) {
		return { body: null, diagnostics: [syntaxError(text, e)] };
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return {
			body: null,
			diagnostics: [
				{
					from: 0,
					to: Math.min(1, text.length),
					path: '',
					message: 'The request body must be a JSON object'
				}
			]
		};
	}
	const body = value as Record<string, unknown>;
	const diagnostics: RequestDiagnostic[] = [];
	const parsed = MessageCreateParamsSchema.safeParse(body);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const { path, message } = primaryIssue(issue);
			diagnostics.push({ ...locate(text, path), path: formatPath(path), message });
		}
	}
	for (const { path, message } of versionProblems(body, version)) {
		diagnostics.push({ ...locate(text, path), path: formatPath(path), message });
	}
	breakpointPaths(body)
		.slice(MAX_BREAKPOINTS)
		.forEach((path) => {
			const message = `at most ${MAX_BREAKPOINTS} cache_control breakpoints are allowed per request`;
			diagnostics.push({ ...locate(text, path), path: formatPath(path), message });
		});
	return { body, diagnostics };
}

/** One line for the Send button's tooltip and the status line: `path: message`. */
export function describeDiagnostic(d: RequestDiagnostic): string {
	return d.path ? `${d.path}: ${d.message}` : d.message;
}
