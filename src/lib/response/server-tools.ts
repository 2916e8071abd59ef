/**
 * What a server-tool result block says, in one shape per kind (SDK `WebSearchToolResultBlock`,
 * `WebFetchToolResultBlock`, `CodeExecutionToolResultBlock` and the bash / text-editor code
 * execution results); errors carry their `error_code`.
 */
type Obj = Record<string, unknown>;

export const SERVER_RESULT_TYPES = [
	'web_search_tool_result',
	'web_fetch_tool_result',
	'code_execution_tool_result',
	'bash_code_execution_tool_result',
	'text_editor_code_execution_tool_result'
] as const;

export type ServerResultView =
	| { kind: 'error'; code: string }
	| { kind: 'search'; results: { title: string; url: string; age: string | null }[] }
	| { kind: 'fetch'; url: string; title: string; retrievedAt: string | null }
	| { kind: 'code'; stdout: string; stderr: string; returnCode: number }
	| { kind: 'other' };

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function isServerResult(type: string): boolean {
	return (SERVER_RESULT_TYPES as readonly string[]).includes(type);
}

export function describeServerResult(block: Obj): ServerResultView {
	const c = block.content;
	if (isObj(c) && typeof c.error_code === 'string') return { kind: 'error', code: c.error_code };
	if (block.type === 'web_search_tool_result' && Array.isArray(c)) {
		const results = c.filter(isObj).map((r) => ({
			title: str(r.title),
			url: str(r.url),
			age: typeof r.page_age === 'string' ? r.page_age : null
		}));
		return { kind: 'search', results };
	}
	if (block.type === 'web_fetch_tool_result' && isObj(c)) {
		const doc = isObj(c.content) ? c.content : {};
		return {
			kind: 'fetch',
			url: str(c.url),
			title: str(doc.title),
			retrievedAt: typeof c.retrieved_at === 'string' ? c.retrieved_at : null
		};
	}
	if (isObj(c) && typeof c.return_code === 'number') {
		return {
			kind: 'code',
			stdout: str(c.stdout),
			stderr: str(c.stderr),
			returnCode: c.return_code
		};
	}
	return { kind: 'other' };
}
