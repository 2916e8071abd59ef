import { describe, expect, it } from 'vitest';
import { calculate, MAX_DEPTH, MAX_EXPRESSION_LENGTH } from '$lib/tools/calculator';

const value = (s: string) => {
	const r = calculate(s);
	if (!r.ok) throw new Error(`expected a value for ${s}, got: ${r.error}`);
	return r.value;
};
const error = (s: string) => {
	const r = calculate(s);
	if (r.ok) throw new Error(`expected ${s} to be refused, got ${r.value}`);
	return r.error;
};

describe('calculator', () => {
	it('computes the basic operations and decimals', () => {
		expect(value('1 + 2')).toBe(3);
		expect(value('7 - 10')).toBe(-3);
		expect(value('6 * 7')).toBe(42);
		expect(value('7 / 2')).toBe(3.5);
		expect(value('17 % 5')).toBe(2);
		expect(value('2 ^ 10')).toBe(1024);
		expect(value('0.1 + 0.2')).toBeCloseTo(0.3, 12);
		expect(value('.5 * 4')).toBe(2);
	});

	it('follows precedence and associativity', () => {
		expect(value('2 + 3 * 4')).toBe(14);
		expect(value('(2 + 3) * 4')).toBe(20);
		expect(value('10 - 4 - 3')).toBe(3);
		expect(value('100 / 10 / 5')).toBe(2);
		expect(value('2 ^ 3 ^ 2')).toBe(512);
		expect(value('2 * 3 ^ 2')).toBe(18);
		expect(value('(17.5 + 4) * 3 ^ 2 - 12 / 5')).toBeCloseTo(191.1, 10);
	});

	it('handles unary minus, including under powers', () => {
		expect(value('-3 + 5')).toBe(2);
		expect(value('--3')).toBe(3);
		expect(value('-2 ^ 2')).toBe(-4);
		expect(value('(-2) ^ 2')).toBe(4);
		expect(value('2 ^ -1')).toBe(0.5);
		expect(value('4 * -(1 + 1)')).toBe(-8);
	});

	it('refuses division by zero and malformed expressions', () => {
		expect(error('1 / 0')).toMatch(/division by zero/);
		expect(error('5 % 0')).toMatch(/division by zero/);
		expect(error('')).toMatch(/empty/);
		expect(error('1 +')).toMatch(/ends too early/);
		expect(error('(1 + 2')).toMatch(/missing "\)"/);
		expect(error('1 + 2)')).toMatch(/unexpected "\)"/);
		expect(error('2 3')).toMatch(/unexpected "3"/);
		expect(error('.')).toMatch(/lone/);
	});

	it('refuses code and anything that is not arithmetic', () => {
		for (const s of [
			'constructor',
			'process.exit()',
			'this.constructor.constructor("return process")()',
			'Math.PI',
			'1; 2',
			'[1]',
			'"1"',
			'a=1',
			'1 && 2',
			'2 ** 3 * x'
		]) {
			expect(calculate(s).ok, s).toBe(false);
		}
		expect(error('process.exit()')).toMatch(/unexpected character "p"/);
	});

	it('refuses scientific notation and results that are not finite', () => {
		expect(error('1e999999')).toMatch(/unexpected character "e"/);
		expect(error('2^99999999')).toMatch(/exponent .* too large/);
		expect(error('10 ^ 400')).toMatch(/not a finite number/);
	});

	it('refuses deep nesting and long input without overflowing the stack', () => {
		expect(error('('.repeat(10_000) + '1' + ')'.repeat(10_000))).toMatch(/longer than/);
		expect(error('('.repeat(MAX_DEPTH + 1) + '1' + ')'.repeat(MAX_DEPTH + 1))).toMatch(
			/nested more than/
		);
		expect(value('('.repeat(MAX_DEPTH - 1) + '1' + ')'.repeat(MAX_DEPTH - 1))).toBe(1);
		expect(error('-'.repeat(MAX_DEPTH + 1) + '1')).toMatch(/nested more than/);
		expect(error('1+'.repeat(MAX_EXPRESSION_LENGTH) + '1')).toMatch(/longer than/);
		expect(error('2^'.repeat(400) + '2')).toMatch(/nested|too large|finite/);
	});
});
