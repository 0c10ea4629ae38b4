// The etcd mode's figures: time to a ready cluster (also with every core kept
// busy), writes per second, poll round time, and the time from killing the
// leader to a new one being seen. `etcdFigures()` is for bench/run.ts;
// `npm run bench:etcd` prints them alone.
// Needs etcd (npm test's pretest installs it on Debian as root).
import {spawn} from 'node:child_process';
import os from 'node:os';
import {createEtcdState, observe} from '../source/core/etcd/observe.js';
import type {EtcdState} from '../source/core/etcd/state.js';
import {EtcdController} from '../source/etcd/controller.js';
import {findEtcd} from '../source/etcd/etcd-binary.js';
import {median, printTable, sleep, type Figure} from './stats.js';

const fixed = (value: number, digits = 1) => value.toLocaleString('en-US', {maximumFractionDigits: digits, minimumFractionDigits: digits});
const percentile = (values: readonly number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))] ?? 0;

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
	const deadline = performance.now() + timeoutMs;
	while (!check()) {
		if (performance.now() > deadline) return false;
		await sleep(5);
	}

	return true;
}

/** Time from start() to every member knowing the same leader, `runs` times. */
async function readyTimes(members: number, runs: number): Promise<number[]> {
	const times: number[] = [];
	for (let run = 0; run < runs; run++) {
		const controller = new EtcdController({members, seed: run, rate: undefined, preVote: false, writes: false});
		try {
			await controller.start();
			times.push(controller.readyMs ?? Number.NaN);
		} finally {
			await controller.stop();
		}
	}

	return times;
}

/**
 * Runs `work` while one busy loop per core (child processes) competes for the
 * CPU: a loaded machine, on purpose. The load average beside it says how
 * loaded the machine was already.
 */
async function withEveryCoreBusy<T>(work: () => Promise<T>): Promise<T> {
	const burners = Array.from({length: os.availableParallelism()}, () => spawn(process.execPath, ['-e', 'for (;;);'], {stdio: 'ignore'}));
	try {
		await sleep(200);
		return await work();
	} finally {
		for (const burner of burners) burner.kill('SIGKILL');
	}
}

type Load = {writesPerSecond: number; rounds: number[]; roundsPerSecond: number; failoverMs: number[]};

/** Writes as fast as acknowledgements come for `seconds` with 5 members polled at 10 Hz, then kills the leader `kills` times. */
async function underLoad(members: number, seconds: number, kills: number): Promise<Load> {
	const controller = new EtcdController({members, seed: 1, rate: undefined, preVote: false, writes: false});
	const rounds: number[] = [];
	let state: EtcdState | undefined;
	try {
		const info = await controller.start();
		state = createEtcdState(info);
		controller.subscribe(poll => {
			state = observe(state!, poll);
			rounds.push(poll.roundMs);
		});
		await sleep(300);
		rounds.length = 0;
		const started = performance.now();
		controller.writer.setEnabled(true);
		await sleep(seconds * 1000);
		const acked = controller.writer.acknowledged;
		const elapsed = (performance.now() - started) / 1000;
		const roundCount = rounds.length;
		const failoverMs: number[] = [];
		for (let kill = 0; kill < kills; kill++) {
			const old = state.leader;
			if (!old) break;
			const killed = performance.now();
			await controller.perform({type: 'crash', member: old.member});
			const replaced = await waitUntil(() => state!.leader !== undefined && state!.leader.term > old.term && state!.leader.member !== old.member, 5000);
			if (replaced) failoverMs.push(performance.now() - killed);
			await controller.perform({type: 'restart', member: old.member});
			await waitUntil(() => state!.members[old.member]!.role === 'follower', 5000);
		}

		return {writesPerSecond: acked / elapsed, rounds: rounds.slice(0, roundCount), roundsPerSecond: roundCount / elapsed, failoverMs};
	} finally {
		await controller.stop();
	}
}

export async function etcdFigures(say: (text: string) => void = () => undefined): Promise<Figure[]> {
	const binary = findEtcd();
	if (!binary) return [{name: 'etcd mode', value: 'etcd not installed', budget: 'shown', met: undefined}];
	say(`etcd ${binary.version}: time to a ready cluster, 5 runs each of 3 and 5 members, then 5 members with every core busy (load average ${os.loadavg()[0]!.toFixed(1)})`);
	const ready3 = await readyTimes(3, 5);
	const ready5 = await readyTimes(5, 5);
	const busyLoad = os.loadavg()[0]!;
	const ready5Busy = await withEveryCoreBusy(async () => readyTimes(5, 5));
	say('etcd: writes for 5 s with 5 members polled at 10 Hz, then the leader killed 5 times');
	const load = await underLoad(5, 5, 5);
	return [
		{name: 'etcd: ready cluster, 3 members (median of 5)', value: `${fixed(median(ready3), 0)} ms (max ${fixed(Math.max(...ready3), 0)})`, budget: '≤ 1,000 ms', met: median(ready3) <= 1000},
		{name: 'etcd: ready cluster, 5 members (median of 5)', value: `${fixed(median(ready5), 0)} ms (max ${fixed(Math.max(...ready5), 0)})`, budget: '≤ 1,000 ms', met: median(ready5) <= 1000},
		{
			name: `etcd: ready cluster, 5 members, every core busy (median of 5; load average ${fixed(busyLoad)} before)`,
			value: `${fixed(median(ready5Busy), 0)} ms (max ${fixed(Math.max(...ready5Busy), 0)})`,
			budget: '≤ 1,000 ms',
			met: median(ready5Busy) <= 1000,
		},
		{name: 'etcd: idempotent writes, one at a time, 5 members', value: `${fixed(load.writesPerSecond)} writes/s`, budget: '≥ 50/s', met: load.writesPerSecond >= 50},
		{name: 'etcd: poll round, 5 members, while writing', value: `${fixed(median(load.rounds))} ms median, ${fixed(percentile(load.rounds, 0.95))} ms p95`, budget: '≤ 20 ms median', met: median(load.rounds) <= 20},
		{name: 'etcd: poll rounds per second', value: fixed(load.roundsPerSecond), budget: '≥ 9.5 (10 Hz)', met: load.roundsPerSecond >= 9.5},
		{
			name: 'etcd: leader killed → new leader seen (5 runs)',
			value: `${fixed(median(load.failoverMs), 0)} ms median, max ${fixed(Math.max(...load.failoverMs), 0)}`,
			budget: '≤ 1,000 ms',
			met: load.failoverMs.length === 5 && Math.max(...load.failoverMs) <= 1000,
		},
	];
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const figures = await etcdFigures(text => process.stderr.write(`bench: ${text}\n`));
	console.log('');
	printTable(figures);
}
