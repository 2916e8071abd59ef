import { describe, expect, it } from 'vitest';
import { planOf, readPrompt } from '$lib/server/simulator/prose/intent';
import { generateReply } from '$lib/server/simulator/text';

describe('plain-text answers follow the prompt', () => {
	it('writes a three-line haiku about the asked topic', () => {
		const reply = generateReply('Write a haiku about autumn leaves', 1);
		const lines = reply.split('\n');
		expect(lines).toHaveLength(3);
		expect(reply).toContain('autumn leaves');
	});

	it('gives exactly as many list items as asked, about the topic', () => {
		for (const [prompt, count] of [
			['Give me 5 tips for learning Rust', 5],
			['List three ideas for a team offsite', 3]
		] as const) {
			const reply = generateReply(prompt, 7);
			expect(reply.match(/^\d+\. /gm)).toHaveLength(count);
			expect(reply).toContain(prompt.includes('Rust') ? 'learning Rust' : 'a team offsite');
		}
	});

	it('compares the two things named, as a markdown table', () => {
		const reply = generateReply('Python vs Go for a CLI tool?', 3);
		expect(reply).toMatch(/^\| \| Python \| Go \|$/m);
		expect(reply).toContain('|---|---|---|');
		expect(readPrompt('What is the difference between TCP and UDP?').intent).toEqual({
			kind: 'compare',
			left: 'TCP',
			right: 'UDP'
		});
	});

	it('writes code in the asked language, named after the task', () => {
		const reply = generateReply('Write a Python function that reverses a string', 2);
		expect(reply).toContain('```python\ndef reverses_string(value):');
		expect(generateReply('How do I do this in Rust: parse a date', 2)).toContain('```rust');
		// Naming a language is not asking for code.
		expect(readPrompt('Give me 5 tips for learning Rust').intent.kind).toBe('list');
	});

	it('summarises pasted text from its own sentences', () => {
		const text =
			'Summarize this:\n\nThe river rose two metres overnight after the storm. Roads closed.\n\n' +
			'Volunteers filled sandbags near the old bridge until dawn. Many stayed.\n\n' +
			'By noon the water began to fall and shops reopened. Cleanup continues.';
		const reply = generateReply(text, 4, 'high');
		expect(reply.match(/^- /gm)).toHaveLength(3);
		expect(reply).toContain('- The river rose two metres overnight after the storm.');
		expect(reply).toContain('- By noon the water began to fall and shops reopened.');
	});

	it('answers a yes/no question with a verdict and a greeting with an introduction', () => {
		expect(generateReply('Should I use tabs for indentation?', 5)).toMatch(/^\*\*Short answer: /);
		expect(generateReply('Hello!', 5)).toMatch(/^Hello! I'm the playground simulator/);
		// A polite request is not a yes/no question, and a fact is not made up.
		expect(readPrompt('Can you explain recursion?').intent.kind).toBe('explain');
		expect(generateReply('What is the capital of France?', 5)).toContain('it knows no facts');
	});

	it('stays on topic for an open question and is the same for the same seed', () => {
		const reply = generateReply('Explain how prompt caching works', 9);
		expect(reply).toContain('You asked about prompt caching.');
		expect(generateReply('Explain how prompt caching works', 9)).toBe(reply);
		expect(generateReply('Explain how prompt caching works', 10)).not.toBe(reply);
	});

	it('reads "reasons to <verb>" as being about doing it', () => {
		expect(readPrompt('List 3 ways to write clearer emails').topic).toBe('writing clearer emails');
		expect(readPrompt('Give me 2 reasons to run daily').topic).toBe('running daily');
	});

	it('plans the answer in the reasoning by the same reading of the prompt', () => {
		expect(planOf(readPrompt('Give me 4 reasons to learn SQL'))).toBe(
			'They asked for 4 reasons about learning SQL, so a numbered list of 4.'
		);
	});

	it('reads a huge one-line prompt by its first words only', () => {
		// Unbounded, the comparison regexes backtrack for minutes on this.
		const read = readPrompt('word '.repeat(60_000));
		expect(read.intent.kind).toBe('explain');
		expect(read.topic.split(' ')).toHaveLength(10);
	});
});
