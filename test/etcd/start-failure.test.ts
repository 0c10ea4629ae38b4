/**
 * A member that fails at start: the error says what it last logged and where
 * its log is kept, since the run folder it was written in is removed. Runs a
 * stand-in for etcd that exits at once, so it needs no etcd.
 */
import {chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, expect, it} from 'vitest';
import {EtcdController} from '../../source/etcd/controller.js';
import {keptLogsFolder} from '../../source/etcd/run-dir.js';

const folder = mkdtempSync(path.join(os.tmpdir(), 'replica-tui-etcd-start-failure-'));
const previousRoot = process.env['REPLICA_TUI_ETCD_ROOT'];
process.env['REPLICA_TUI_ETCD_ROOT'] = path.join(folder, 'runs');
afterAll(() => {
	if (previousRoot === undefined) delete process.env['REPLICA_TUI_ETCD_ROOT'];
	else process.env['REPLICA_TUI_ETCD_ROOT'] = previousRoot;
	rmSync(folder, {recursive: true, force: true});
});

it('keeps the log of a member that exits while starting, and names the kept copy', async () => {
	const fake = path.join(folder, 'etcd');
	writeFileSync(fake, '#!/bin/sh\necho \'{"level":"fatal","msg":"cannot listen on peer URL","error":"address already in use"}\' >&2\nexit 1\n');
	chmodSync(fake, 0o755);
	const controller = new EtcdController({members: 2, seed: 1, rate: undefined, preVote: false, writes: false, binary: {path: fake, version: '0.0.0'}});
	let message = '';
	try {
		await controller.start();
	} catch (error) {
		message = (error as Error).message;
	} finally {
		await controller.stop();
	}

	expect(message).toMatch(/^m\d exited while starting \(exit code 1\), last logged "cannot listen on peer URL: address already in use"; its log is kept at \S+$/);
	const kept = /kept at (\S+)$/.exec(message)![1]!;
	expect(path.dirname(kept)).toBe(keptLogsFolder());
	expect(readFileSync(kept, 'utf8')).toContain('address already in use');
	// The run folder itself is gone, and only the named log is kept (start() tried three times).
	expect(existsSync(path.join(folder, 'runs'))).toBe(false);
	expect(readdirSync(keptLogsFolder())).toEqual([path.basename(kept)]);
});

