import {
	UNDECLARED_FIELDS,
	pinnedVersion,
	pythonLiteral,
	withoutStream,
	type CodeInput
} from './literal';

const PY_IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const isKeyword = (k: string) =>
	PY_IDENT.test(k) && !(UNDECLARED_FIELDS as readonly string[]).includes(k);

/**
 * The request with the official Python SDK: fields become keyword arguments (anything that is not
 * a valid name, or no longer declared by the SDK, goes in `extra_body`), `messages.stream()` for
 * streams, `beta` + `betas=` for betas.
 */
export function toPython(input: CodeInput): string {
	const { request, betas } = input;
	const version = pinnedVersion(input);
	const { body, isStream } = withoutStream(request);
	const kwargs = Object.entries(body).filter(([k]) => isKeyword(k));
	const extra = Object.fromEntries(Object.entries(body).filter(([k]) => !isKeyword(k)));
	if (Object.keys(extra).length) kwargs.push(['extra_body', extra]);
	if (betas.length) kwargs.push(['betas', [...betas]]);
	const ns = betas.length ? 'client.beta.messages' : 'client.messages';
	const step = '    ';
	const args = kwargs.map(([k, v]) => `${step}${k}=${pythonLiteral(v, step)},`).join('\n');
	const call = isStream
		? [
				`with ${ns}.stream(`,
				args,
				`) as stream:`,
				`    for text in stream.text_stream:`,
				`        print(text, end="", flush=True)`,
				`    message = stream.get_final_message()`
			]
		: [`message = ${ns}.create(`, args, `)`];
	return [
		`import anthropic`,
		``,
		`# Reads the key from the ANTHROPIC_API_KEY environment variable.`,
		...(version
			? [
					`# This request uses API version ${version}; the SDK's default is newer.`,
					`client = anthropic.Anthropic(default_headers={"anthropic-version": "${version}"})`
				]
			: [`client = anthropic.Anthropic()`]),
		``,
		...call,
		`print(message.content)`,
		``
	].join('\n');
}
