import type { Language } from './intent';

/** Words that say what to write or in which language, not what the code is about. */
const NOT_NAMES = new Set(
	(
		'a an the that which to in on of for with using and or me please write function code script ' +
		'snippet program implement class simple small quick python javascript typescript rust go golang ' +
		'sql bash shell js ts node query regex'
	).split(' ')
);

/** An identifier named after the request: "a function that reverses a string" → reverses_string. */
export function identifierWords(topic: string): string[] {
	const words = topic
		.toLowerCase()
		.replace(/[^a-z0-9 ]/g, ' ')
		.split(/\s+/)
		.filter((w) => w && !NOT_NAMES.has(w) && !/^\d/.test(w));
	return words.length > 0 ? words.slice(0, 3) : ['solve'];
}

const snake = (words: string[]) => words.join('_');
const camel = (words: string[]) =>
	words[0] +
	words
		.slice(1)
		.map((w) => w[0].toUpperCase() + w.slice(1))
		.join('');

/**
 * A sketch of the requested code: right language, named after the task, runnable, with the
 * task as its doc comment. It shows the shape of an answer; it does not claim to solve the task.
 */
export function codeSketch(language: Language, topic: string): string {
	const words = identifierWords(topic);
	// "a TypeScript function to debounce a callback" documents itself as "Debounce a callback".
	const task = topic.replace(
		/^(?:an?\s+)?(?:\w+\s+)?(?:function|script|program|snippet|class|query)\s+(?:that|to|which)\s+/i,
		''
	);
	const doc = task ? task.charAt(0).toUpperCase() + task.slice(1) : 'The task';
	const lines = (...rows: string[]) => rows.join('\n');
	switch (language) {
		case 'python':
			return lines(
				`def ${snake(words)}(value):`,
				`    """${doc}."""`,
				'    if value is None:',
				'        raise ValueError("value is required")',
				'    return value',
				'',
				'',
				`print(${snake(words)}("example"))`
			);
		case 'javascript':
			return lines(
				`/** ${doc}. */`,
				`function ${camel(words)}(value) {`,
				"  if (value == null) throw new Error('value is required');",
				'  return value;',
				'}',
				'',
				`console.log(${camel(words)}('example'));`
			);
		case 'typescript':
			return lines(
				`/** ${doc}. */`,
				`export function ${camel(words)}(value: string): string {`,
				"  if (!value) throw new Error('value is required');",
				'  return value;',
				'}',
				'',
				`console.log(${camel(words)}('example'));`
			);
		case 'rust':
			return lines(
				`/// ${doc}.`,
				`fn ${snake(words)}(value: &str) -> String {`,
				'    value.to_string()',
				'}',
				'',
				'fn main() {',
				`    println!("{}", ${snake(words)}("example"));`,
				'}'
			);
		case 'go':
			return lines(
				'package main',
				'',
				'import "fmt"',
				'',
				`// ${camel(words)}: ${doc}.`,
				`func ${camel(words)}(value string) string {`,
				'\treturn value',
				'}',
				'',
				'func main() {',
				`\tfmt.Println(${camel(words)}("example"))`,
				'}'
			);
		case 'sql':
			return lines(
				`-- ${doc}`,
				'SELECT id, name',
				`FROM ${snake(words)}`,
				'ORDER BY id',
				'LIMIT 10;'
			);
		case 'bash':
			return lines(
				'#!/usr/bin/env bash',
				`# ${doc}`,
				'set -euo pipefail',
				'',
				`${snake(words)}() {`,
				'  echo "$1"',
				'}',
				'',
				`${snake(words)} "example"`
			);
	}
}

/** The fence name highlight.js knows for each language. */
export const FENCE: Record<Language, string> = {
	python: 'python',
	javascript: 'js',
	typescript: 'ts',
	rust: 'rust',
	go: 'go',
	sql: 'sql',
	bash: 'bash'
};

export const LANGUAGE_NAMES: Record<Language, string> = {
	python: 'Python',
	javascript: 'JavaScript',
	typescript: 'TypeScript',
	rust: 'Rust',
	go: 'Go',
	sql: 'SQL',
	bash: 'Bash'
};
