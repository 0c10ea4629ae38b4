import {readFileSync} from 'node:fs';
import {execFileSync} from 'node:child_process';
import {startInPty, waitFor} from './pty.js';
import {sleep} from './stats.js';

function cpuTicks(pid: number): number {
	// Fields after the command name: utime is the 14th field and stime the 15th of /proc/PID/stat.
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return Number(fields[11]) + Number(fields[12]);
}

/** Share of one core used by the paused dashboard over `seconds`. */
export async function idleCpu(seconds = 10): Promise<number> {
	const run = startInPty(process.execPath, ['dist/cli.js', '--paused', '--replicas', '5']);
	await waitFor(run, 'quorum');
	await sleep(1000);
	const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString());
	const before = cpuTicks(run.pty.pid);
	await sleep(seconds * 1000);
	const used = (cpuTicks(run.pty.pid) - before) / ticksPerSecond;
	run.pty.write('q');
	await run.exited;
	return used / seconds;
}
