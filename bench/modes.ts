// Figures for every simulated mode: headless events per second, and the time
// from a new state to its frame in the terminal at 80×24 and 120×40.
import type {AnyMode, RawFlags} from '../source/core/engine/mode.js';
import {createSession, sessionStep} from '../source/core/engine/session.js';
import {modeNamed} from '../source/core/modes.js';
import {frameTime} from './rendering.js';
import {median, type Figure} from './stats.js';

const fixed = (value: number, digits = 1) => value.toLocaleString('en-US', {maximumFractionDigits: digits, minimumFractionDigits: digits});

function modeOf(name: string): AnyMode {
	const mode = modeNamed(name);
	if (!mode) throw new Error(`no mode ${name}`);
	return mode;
}

/** Events per second of wall time and of CPU time (CPU time is steadier on a shared machine), median of `runs`. */
export function eventsPerSecond(name: string, flags: RawFlags, events: number, runs = 3): {wall: number; cpu: number} {
	const mode = modeOf(name);
	const walls: number[] = [];
	const cpus: number[] = [];
	for (let run = 0; run < runs; run++) {
		let state = mode.create(mode.parseConfig({...flags, seed: String(run + 1)}));
		const started = performance.now();
		const cpuStarted = process.cpuUsage();
		for (let done = 0; done < events; done += 10_000) state = mode.advance(state, Math.min(10_000, events - done));
		const cpu = process.cpuUsage(cpuStarted);
		walls.push(events / ((performance.now() - started) / 1000));
		cpus.push(events / ((cpu.user + cpu.system) / 1e6));
	}

	return {wall: median(walls), cpu: median(cpus)};
}

/** Milliseconds per frame while stepping one event at a time, through real Ink. */
export async function modeFrameTime(name: string, flags: RawFlags, columns: number, rows: number, warmup = 200): Promise<number> {
	const mode = modeOf(name);
	let session = createSession(mode, mode.create(mode.parseConfig(flags)), {paused: true});
	for (let i = 0; i < warmup; i++) session = sessionStep(session, {type: 'step'});
	return frameTime(150, session, current => sessionStep(current, {type: 'step'}), {columns, rows});
}

export async function modeFigures(say: (text: string) => void): Promise<Figure[]> {
	const figures: Figure[] = [];
	say('headless events per second: raft (5 servers), order, sourcing');
	const raft = eventsPerSecond('raft', {servers: '5'}, 1_000_000);
	figures.push({name: 'raft headless, 5 servers (1,000,000 events)', value: `${fixed(raft.wall / 1000, 0)}k/s wall · ${fixed(raft.cpu / 1000, 0)}k/s CPU`, budget: '≥ 300k events/s', met: raft.cpu >= 300_000});
	const order = eventsPerSecond('order', {}, 300_000);
	figures.push({name: 'order headless (300,000 events)', value: `${fixed(order.wall / 1000, 0)}k/s wall · ${fixed(order.cpu / 1000, 0)}k/s CPU`, budget: 'shown', met: undefined});
	const sourcing = eventsPerSecond('sourcing', {}, 200_000);
	figures.push({name: 'sourcing headless (200,000 commands)', value: `${fixed(sourcing.wall / 1000, 0)}k/s wall · ${fixed(sourcing.cpu / 1000, 0)}k/s CPU`, budget: 'shown', met: undefined});
	const aeron = eventsPerSecond('aeron', {members: '5', workload: '20', requests: '100000'}, 1_000_000);
	figures.push({name: 'aeron headless, 5 members (1,000,000 events)', value: `${fixed(aeron.wall / 1000, 0)}k/s wall · ${fixed(aeron.cpu / 1000, 0)}k/s CPU`, budget: '≥ 300k events/s', met: aeron.cpu >= 300_000});
	for (const [name, flags] of [['voting', {replicas: '5'}], ['raft', {}], ['order', {}], ['sourcing', {}], ['aeron', {members: '5'}]] as const) {
		for (const [columns, rows] of [[80, 24], [120, 40]] as const) {
			say(`frame time: ${name} at ${columns}×${rows}`);
			// eslint-disable-next-line no-await-in-loop
			const ms = await modeFrameTime(name, flags, columns, rows);
			figures.push({name: `frame time, ${name} ${columns}×${rows} (one event a frame)`, value: `${fixed(ms, 2)} ms`, budget: '≤ 8 ms', met: ms <= 8});
		}
	}

	return figures;
}
