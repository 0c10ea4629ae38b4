import {execFileSync} from 'node:child_process';

/** RSS samples from a separate process, so nothing else in the benchmark weighs on it. */
export function memoryAfterLongRun(): Array<{inputs: number; rssMb: number}> {
	const output = execFileSync(process.execPath, ['--expose-gc', 'bench/memory-child.mjs'], {encoding: 'utf8', maxBuffer: 1 << 20});
	return JSON.parse(output.trim().split('\n').at(-1)!) as Array<{inputs: number; rssMb: number}>;
}
