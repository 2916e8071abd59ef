import { describe, expect, it } from 'vitest';
import {
	checkImages,
	imageSize,
	imageTokens,
	sniffImage,
	tokensForSize
} from '../../../../src/lib/server/simulator/images';
import { HttpProblem } from '../../../../src/lib/server/http';
import { b64, gif, imageBlock, jpeg, png, webp } from '../../../support/images';

describe('image sniffing and sizes', () => {
	it.each([
		['png', png(640, 480)],
		['gif', gif(640, 480)],
		['jpeg', jpeg(640, 480)],
		['webp', webp(640, 480)]
	] as const)('reads a %s header', (kind, data) => {
		expect(sniffImage(data)).toBe(kind);
		expect(imageSize(data, kind)).toEqual({ width: 640, height: 480 });
	});

	it('knows no size for a header cut short', () => {
		expect(imageSize(png(10, 10).subarray(0, 18), 'png')).toBeUndefined();
	});

	it('costs width*height/750 tokens, scaled down like the API', () => {
		expect(tokensForSize({ width: 200, height: 200 })).toBe(54);
		expect(tokensForSize({ width: 1000, height: 1000 })).toBe(1334);
		expect(tokensForSize({ width: 4000, height: 3000 })).toBeLessThanOrEqual(1600);
		expect(tokensForSize({ width: 4000, height: 3000 })).toBeGreaterThan(1500);
	});

	it('bills a readable image by its size and an unreadable one by its bytes', () => {
		expect(imageTokens({ type: 'base64', data: b64(png(750, 100)) })).toBe(100);
		const noSize = new Uint8Array(20_000).fill(7);
		noSize.set([0xff, 0xd8, 0xff, 0xd9]); // JPEG signature with no frame header
		expect(imageTokens({ type: 'base64', data: b64(noSize) })).toBe(200);
	});
});

describe('checkImages', () => {
	const problem = (fn: () => void) => {
		try {
			fn();
		} catch (e) {
			return e as HttpProblem;
		}
		throw new Error('expected a problem');
	};

	it('accepts images whose bytes match their media type', () => {
		const content = [
			imageBlock('image/png', png(2, 2)),
			imageBlock('image/gif', gif(2, 2)),
			imageBlock('image/jpeg', jpeg(2, 2)),
			imageBlock('image/webp', webp(2, 2))
		];
		expect(() => checkImages([{ content }])).not.toThrow();
	});

	it('names media_type when the bytes are another image kind', () => {
		const p = problem(() =>
			checkImages([
				{ content: 'hi' },
				{ content: [{ type: 'text', text: 'x' }, imageBlock('image/png', jpeg(2, 2))] }
			])
		);
		expect(p.type).toBe('invalid_request_error');
		expect(p.message).toMatch(/^messages\.1\.content\.1\.source\.media_type: .*image\/jpeg/);
	});

	it('names data when the bytes are no image at all', () => {
		const p = problem(() =>
			checkImages([
				{ content: [imageBlock('image/png', new TextEncoder().encode('not an image'))] }
			])
		);
		expect(p.message).toMatch(/^messages\.0\.content\.0\.source\.data: /);
	});

	it('checks images inside tool results', () => {
		const content = [
			{ type: 'tool_result', tool_use_id: 'toolu_1', content: [imageBlock('image/gif', png(1, 1))] }
		];
		expect(problem(() => checkImages([{ content }])).message).toMatch(
			/^messages\.0\.content\.0\.content\.0\.source\.media_type: /
		);
	});
});
