import {closeSync, writeSync} from 'node:fs';
import {performance} from 'node:perf_hooks';
import {openForWriting} from '../headless.js';

/**
 * Records a live session: everything written to the terminal is also appended
 * to an asciicast v2 file, with the real time it was written.
 */
export function startLiveRecording(file: string, stdout: NodeJS.WriteStream): () => void {
	const fd = openForWriting('record', file);
	const started = performance.now();
	writeSync(fd, JSON.stringify({version: 2, width: stdout.columns || 80, height: stdout.rows || 24}) + '\n');
	const originalWrite = stdout.write.bind(stdout);
	stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
		// As a terminal's line discipline would show it: a newline also returns the carriage.
		const data = (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')).replaceAll(/\r?\n/g, '\r\n');
		const seconds = Math.round((performance.now() - started) * 1000) / 1_000_000;
		writeSync(fd, JSON.stringify([seconds, 'o', data]) + '\n');
		return (originalWrite as (...args: unknown[]) => boolean)(chunk, ...rest);
	}) as typeof stdout.write;
	return () => {
		stdout.write = originalWrite;
		closeSync(fd);
	};
}
