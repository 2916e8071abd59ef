import { pinnedVersion, splitUndeclared, withoutStream, type CodeInput } from './literal';

/** A Go raw string literal; a backtick cannot appear inside one, so it is spliced in. */
function goRawString(s: string): string {
	return '`' + s.replaceAll('`', '` + "`" + `') + '`';
}

/**
 * The request with the official Go SDK. The body is kept as JSON and unmarshalled into the SDK's
 * params type, which maps every block type exactly (hand-built union structs would not); streams
 * use NewStreaming, betas the Beta service with its Betas field, and fields the SDK no longer
 * declares are set on the wire with option.WithJSONSet.
 */
export function toGo(input: CodeInput): string {
	const { request, betas } = input;
	const version = pinnedVersion(input);
	const { body: full, isStream } = withoutStream(request);
	const { declared: body, undeclared } = splitUndeclared(full);
	const extras = Object.entries(undeclared).map(
		([k, v]) => `option.WithJSONSet(${JSON.stringify(k)}, ${JSON.stringify(v)})`
	);
	const args = extras.length
		? `context.TODO(), params, ${extras.join(', ')}`
		: 'context.TODO(), params';
	const beta = betas.length > 0;
	const paramsType = beta ? 'anthropic.BetaMessageNewParams' : 'anthropic.MessageNewParams';
	const service = beta ? 'client.Beta.Messages' : 'client.Messages';
	const deltaType = beta
		? 'anthropic.BetaRawContentBlockDeltaEvent'
		: 'anthropic.ContentBlockDeltaEvent';
	const betaLines = beta
		? [
				`\tparams.Betas = []anthropic.AnthropicBeta{${betas.map((b) => JSON.stringify(b)).join(', ')}}`
			]
		: [];
	const call = isStream
		? [
				`\tstream := ${service}.NewStreaming(${args})`,
				`\tfor stream.Next() {`,
				`\t\tif delta, ok := stream.Current().AsAny().(${deltaType}); ok {`,
				`\t\t\tfmt.Print(delta.Delta.Text)`,
				`\t\t}`,
				`\t}`,
				`\tif err := stream.Err(); err != nil {`,
				`\t\tpanic(err)`,
				`\t}`
			]
		: [
				`\tmessage, err := ${service}.New(${args})`,
				`\tif err != nil {`,
				`\t\tpanic(err)`,
				`\t}`,
				`\tfmt.Printf("%+v\\n", message.Content)`
			];
	return [
		`package main`,
		``,
		`import (`,
		`\t"context"`,
		`\t"encoding/json"`,
		`\t"fmt"`,
		``,
		`\t"github.com/anthropics/anthropic-sdk-go"`,
		...(extras.length || version ? [`\t"github.com/anthropics/anthropic-sdk-go/option"`] : []),
		`)`,
		``,
		`const body = ${goRawString(JSON.stringify(body, null, '\t'))}`,
		``,
		`func main() {`,
		`\t// Reads the key from the ANTHROPIC_API_KEY environment variable.`,
		...(version
			? [
					`\t// This request uses API version ${version}; the SDK's default is newer.`,
					`\tclient := anthropic.NewClient(option.WithHeader("anthropic-version", "${version}"))`
				]
			: [`\tclient := anthropic.NewClient()`]),
		``,
		`\tvar params ${paramsType}`,
		`\tif err := json.Unmarshal([]byte(body), &params); err != nil {`,
		`\t\tpanic(err)`,
		`\t}`,
		...betaLines,
		...call,
		`}`,
		``
	].join('\n');
}
