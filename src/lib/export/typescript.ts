import {
	jsLiteral,
	pinnedVersion,
	splitUndeclared,
	withoutStream,
	type CodeInput
} from './literal';

/**
 * The request with the official TypeScript SDK: `messages.stream()` for streams (it assembles
 * the message), the `beta` namespace with a `betas` field when beta flags are on.
 */
export function toTypeScript(input: CodeInput): string {
	const { request, betas } = input;
	const version = pinnedVersion(input);
	const { body, isStream } = withoutStream(request);
	const { declared, undeclared } = splitUndeclared(body);
	const params = paramsLiteral(
		betas.length ? { ...declared, betas: [...betas] } : declared,
		undeclared
	);
	const ns = betas.length ? 'client.beta.messages' : 'client.messages';
	const call = isStream
		? [
				...samplingLines(undeclared),
				`  const stream = ${ns}.stream(${params});`,
				`  stream.on('text', (text) => process.stdout.write(text));`,
				`  const message = await stream.finalMessage();`
			]
		: [...samplingLines(undeclared), `  const message = await ${ns}.create(${params});`];
	return [
		`import Anthropic from '@anthropic-ai/sdk';`,
		``,
		`// Reads the key from the ANTHROPIC_API_KEY environment variable.`,
		...(version
			? [
					`// This request uses API version ${version}; the SDK's default is newer.`,
					`const client = new Anthropic({ defaultHeaders: { 'anthropic-version': '${version}' } });`
				]
			: [`const client = new Anthropic();`]),
		``,
		`async function main() {`,
		...call,
		`  console.log(JSON.stringify(message.content, null, 2));`,
		`}`,
		``,
		`main();`,
		``
	].join('\n');
}

/** The params object; undeclared fields are spread in from a variable, which type-checks with any SDK version. */
function paramsLiteral(
	declared: Record<string, unknown>,
	undeclared: Record<string, unknown>
): string {
	const text = jsLiteral(declared, '  ');
	return Object.keys(undeclared).length
		? text.replace(/\n {2}\}$/, '\n    ...sampling,\n  }')
		: text;
}

function samplingLines(undeclared: Record<string, unknown>): string[] {
	if (!Object.keys(undeclared).length) return [];
	return [
		`  // Not declared in the SDK's current types (deprecated there), but the API accepts them.`,
		`  const sampling = ${jsLiteral(undeclared, '  ')};`
	];
}
