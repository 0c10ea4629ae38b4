import {execFileSync} from 'node:child_process';

export type RssSample = {inputs: number; rssMb: number};

/** RSS samples from a separate process, so nothing else in the benchmark weighs on it. */
export function memoryAfterLongRun(mode: 'top' | 'lecture'): RssSample[] {
	const output = execFileSync(process.execPath, ['--expose-gc', 'bench/memory-child.mjs', mode], {encoding: 'utf8', maxBuffer: 1 << 20});
	return JSON.parse(output.trim().split('\n').at(-1)!) as RssSample[];
}
