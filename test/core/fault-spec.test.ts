import {describe, expect, it} from 'vitest';
import {faultTypes, parseFaultSpec} from '../../source/core/voting/fault.js';

describe('parseFaultSpec', () => {
	it('reads REPLICA:TYPE@INDEX with 1-based replica names', () => {
		expect(parseFaultSpec('2:skip@10', 3)).toEqual({replica: 1, type: 'skip', atIndex: 10});
		expect(parseFaultSpec('R3:crash@1', 3)).toEqual({replica: 2, type: 'crash', atIndex: 1});
		expect(parseFaultSpec(' r1:LAG ', 3)).toEqual({replica: 0, type: 'lag', atIndex: 0});
	});

	it('without @INDEX injects at the start', () => {
		expect(parseFaultSpec('1:corrupt', 1)).toEqual({replica: 0, type: 'corrupt', atIndex: 0});
	});

	it('accepts every fault type', () => {
		for (const type of faultTypes) expect(parseFaultSpec(`9:${type}@5`, 9)).toEqual({replica: 8, type, atIndex: 5});
	});

	it('rejects bad syntax with one line naming the expected form', () => {
		for (const bad of ['', 'skip', '2', '2:', ':skip', '2-skip', '2:skip@', '2:skip@x', 'x:skip', '2:skip@-1', '2:skip@1.5', '2:sk1p', '2:skip@10@11']) {
			const result = parseFaultSpec(bad, 3);
			expect(typeof result, bad).toBe('string');
			expect(result).toContain('expected REPLICA:TYPE[@INDEX]');
			expect(result).not.toContain('\n');
		}
	});

	it('rejects an unknown fault type, listing the known ones', () => {
		const result = parseFaultSpec('2:explode@3', 3);
		expect(typeof result).toBe('string');
		expect(result).toContain('unknown fault "explode"');
		for (const type of faultTypes) expect(result).toContain(type);
	});

	it('rejects a replica that does not exist', () => {
		expect(parseFaultSpec('0:skip', 3)).toBe('--fault "0:skip" names R0, but there are 3 replicas (R1…R3)');
		expect(parseFaultSpec('4:skip', 3)).toBe('--fault "4:skip" names R4, but there are 3 replicas (R1…R3)');
		const single = parseFaultSpec('2:skip', 1);
		expect(single).toContain('names R2, but there is only R1');
		expect(single).not.toContain('\n');
		expect(parseFaultSpec('3:skip', 3)).not.toBeTypeOf('string');
	});

	it('rejects input index 0, since inputs count from 1', () => {
		expect(parseFaultSpec('1:skip@0', 3)).toBe('--fault "1:skip@0": the input index starts at 1');
	});
});
