// The Paxos mode's figures: headless events per second (Multi-Paxos with a steady client, then its heartbeats;
// and dueling proposers with 3 proposers under the adversary) and frame time at 80×24 and 120×40.
// Events are counted as handled (state.events), so a run that ends early cannot inflate its rate.
import type {RawFlags} from '../source/core/engine/mode.js';
import {modeNamed} from '../source/core/modes.js';
import {modeFrameTime} from './modes.js';
import {fuzzFindingFigures} from './fuzz-findings.js';
import {paxosFuzz} from '../source/core/paxos/fuzz/target.js';
import {median, type Figure} from './stats.js';

const fixed = (value: number, digits = 1) => value.toLocaleString('en-US', {maximumFractionDigits: digits, minimumFractionDigits: digits});

function handledPerSecond(flags: RawFlags, events: number, runs = 3): {wall: number; cpu: number; handled: number} {
	const mode = modeNamed('paxos')!;
	const walls: number[] = [];
	const cpus: number[] = [];
	let handled = 0;
	for (let run = 0; run < runs; run++) {
		let state = mode.create(mode.parseConfig({...flags, seed: String(run + 1)}));
		const started = performance.now();
		const cpuStarted = process.cpuUsage();
		for (let done = 0; done < events; done += 10_000) state = mode.advance(state, Math.min(10_000, events - done));
		const cpu = process.cpuUsage(cpuStarted);
		handled = (state as {events: number}).events;
		walls.push(handled / ((performance.now() - started) / 1000));
		cpus.push(handled / ((cpu.user + cpu.system) / 1e6));
	}

	return {wall: median(walls), cpu: median(cpus), handled};
}

export async function paxosFigures(say: (text: string) => void): Promise<Figure[]> {
	const figures: Figure[] = [];
	say('paxos headless events per second');
	const multi = handledPerSecond({multi: true, workload: '5', requests: '200'}, 1_000_000);
	figures.push({name: `paxos headless, Multi-Paxos 200 commands (${multi.handled.toLocaleString('en-US')} events)`, value: `${fixed(multi.wall / 1000, 0)}k/s wall · ${fixed(multi.cpu / 1000, 0)}k/s CPU`, budget: '≥ 300k events/s', met: multi.cpu >= 300_000});
	const duel = handledPerSecond({adversary: true, proposers: '3'}, 300_000);
	figures.push({name: `paxos headless, 3 dueling proposers (${duel.handled.toLocaleString('en-US')} events)`, value: `${fixed(duel.wall / 1000, 0)}k/s wall · ${fixed(duel.cpu / 1000, 0)}k/s CPU`, budget: 'shown', met: undefined});
	for (const [columns, rows] of [[80, 24], [120, 40]] as const) {
		say(`frame time: paxos at ${columns}×${rows}`);
		// eslint-disable-next-line no-await-in-loop
		const ms = await modeFrameTime('paxos', {adversary: true}, columns, rows);
		figures.push({name: `frame time, paxos ${columns}×${rows} (one event a frame)`, value: `${fixed(ms, 2)} ms`, budget: '≤ 8 ms', met: ms <= 8});
	}

	say('paxos fuzz: time to find and shrink each bug');
	figures.push(...fuzzFindingFigures(paxosFuzz, say));
	return figures;
}
