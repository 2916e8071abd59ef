import { describe, expect, it } from 'vitest';
import { GRADER_SCHEMA, graderRequest, parseGraderAnswer } from '$lib/evaluate/grading';
import { evaluationCsv } from '$lib/evaluate/export';
import { median, versionTotals } from '$lib/evaluate/totals';
import type { EvalCell, EvalRun } from '$lib/schemas/evaluation';

describe('grader', () => {
	it('asks with the rubric, task, answer and ideal, for structured output', () => {
		const body = graderRequest({
			rubric: 'Be kind',
			task: 'Weather in Paris?',
			answer: 'Sunny',
			ideal: 'Rain',
			model: 'm'
		});
		const text = (body.messages as { content: string }[])[0].content;
		expect(text).toContain('<rubric>\nBe kind\n</rubric>');
		expect(text).toContain('<ideal_answer>\nRain\n</ideal_answer>');
		expect(text.indexOf('<task>')).toBeLessThan(text.indexOf('<answer>'));
		expect(body.output_config).toEqual({ format: { type: 'json_schema', schema: GRADER_SCHEMA } });
	});

	it('leaves the ideal out when there is none', () => {
		const body = graderRequest({ rubric: 'r', task: 't', answer: 'a', model: 'm' });
		expect(JSON.stringify(body)).not.toContain('ideal_answer');
	});

	it('reads a score and reasoning, and says what is wrong with anything else', () => {
		expect(parseGraderAnswer('{"reasoning":"ok","score":4}')).toEqual({
			reasoning: 'ok',
			score: 4
		});
		expect(() => parseGraderAnswer('Score: 4')).toThrow('did not answer with JSON');
		expect(() => parseGraderAnswer('{"reasoning":"ok","score":9}')).toThrow('score from 1 to 5');
	});
});

const cell = (over: Partial<EvalCell>): EvalCell => ({
	versionId: 'a',
	caseId: '1',
	status: 'done',
	text: '',
	...over
});

describe('versionTotals', () => {
	it('uses the person grade over the model grade, and counts pass rate, cost and p50 latency', () => {
		const totals = versionTotals([
			cell({
				caseId: '1',
				grade: { score: 5, by: 'person' },
				modelGrade: { score: 1, by: 'model', reasoning: '' },
				costUsd: 0.5,
				latencyMs: 100
			}),
			cell({
				caseId: '2',
				modelGrade: { score: 2, by: 'model', reasoning: 'meh' },
				costUsd: 0.25,
				latencyMs: 300
			}),
			cell({ caseId: '3', status: 'error', error: 'overloaded' }),
			cell({ caseId: '4', latencyMs: 200 })
		]);
		expect(totals).toMatchObject({
			cells: 4,
			done: 3,
			errors: 1,
			graded: 2,
			meanGrade: 3.5,
			passRate: 0.5,
			costUsd: 0.75,
			p50LatencyMs: 200
		});
	});

	it('has no grade figures before anything is graded', () => {
		expect(versionTotals([cell({})])).toMatchObject({
			meanGrade: null,
			passRate: null,
			p50LatencyMs: null
		});
	});

	it('takes the middle of an even count as the mean of the two middle values', () => {
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});
});

describe('evaluationCsv', () => {
	it('writes a row per case with each version’s answer and grade', () => {
		const run: EvalRun = {
			id: 'r',
			startedAt: '2026-11-30T00:00:00Z',
			mode: 'live',
			versions: [
				{ id: 'a', label: 'A', template: {} },
				{ id: 'b', label: 'B', template: {} }
			],
			cells: [
				cell({
					versionId: 'a',
					caseId: '1',
					text: 'Sunny, "warm"',
					grade: { score: 4, by: 'person' },
					costUsd: 0.01
				}),
				cell({ versionId: 'b', caseId: '1', status: 'error', error: 'overloaded' })
			]
		};
		const csv = evaluationCsv(['city'], [{ id: '1', vars: { city: 'Paris' }, ideal: 'Sun' }], run);
		const [header, row] = csv.split('\r\n');
		expect(header).toBe(
			'city,ideal,A: answer,A: grade,A: graded_by,A: input_tokens,A: output_tokens,A: cost_usd,A: latency_ms,' +
				'B: answer,B: grade,B: graded_by,B: input_tokens,B: output_tokens,B: cost_usd,B: latency_ms'
		);
		expect(row).toBe('Paris,Sun,"Sunny, ""warm""",4,person,,,0.01,,error: overloaded,,,,,,');
	});
});
