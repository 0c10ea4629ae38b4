/**
 * The promise docs/raft.md and docs/order.md make about traces, checked on scenario runs with actions:
 * starting from the start line and applying every line in order rebuilds the
 * final `--json` state. Raft: every line's `servers` (role, term, vote, log,
 * commit and applied index); a step-back or restart marker lists every server
 * again. Order: every line's `deliveries` rebuild each replica's delivered
 * count, and the start, action and marker lines say which replicas are up.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {run} from './run.js';

const folder = mkdtempSync(path.join(tmpdir(), 'replica-tui-rebuild-'));
afterAll(() => rmSync(folder, {recursive: true, force: true}));

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const cache = new Map<string, {report: Json; lines: Json[]}>();

/** Runs the scenario once (later calls reuse the run) with --json and --trace. */
function traced(scenario: string, name: string): {report: Json; lines: Json[]} {
	const cached = cache.get(scenario);
	if (cached) return cached;
	const file = path.join(folder, `${name}.jsonl`);
	const result = run(['run', scenario, '--json', '--trace', file]);
	expect(result.stderr).toBe('');
	const lines = readFileSync(file, 'utf8').trimEnd().split('\n').map(line => JSON.parse(line) as Json);
	const output = {report: JSON.parse(result.stdout) as Json, lines};
	cache.set(scenario, output);
	return output;
}

type RaftServer = {role: string; currentTerm: number; votedFor: string | null; log: unknown[]; commitIndex: number; lastApplied: number};

function applyRaftServer(servers: Map<string, RaftServer>, line: Json): void {
	const old = servers.get(line.server);
	const log = line.log === undefined ? old!.log : [...(old?.log ?? []).slice(0, line.log.from - 1), ...line.log.entries];
	if (line.log !== undefined) expect(log).toHaveLength(line.log.length);
	servers.set(line.server, {role: line.role, currentTerm: line.term, votedFor: line.votedFor, log, commitIndex: line.commitIndex, lastApplied: line.lastApplied});
}

function rebuildRaft(lines: readonly Json[]): Map<string, RaftServer> {
	expect(lines[0]!.kind).toBe('start');
	let servers = new Map<string, RaftServer>();
	for (const line of lines) {
		if (line.kind === 'start' || line.kind === 'step-back' || line.kind === 'restart') servers = new Map();
		for (const server of line.servers) applyRaftServer(servers, server);
	}

	return servers;
}

function raftFinal(report: Json): Map<string, RaftServer> {
	return new Map(report.servers.map((server: Json) => [server.name, {role: server.role, currentTerm: server.currentTerm, votedFor: server.votedFor, log: server.log, commitIndex: server.commitIndex, lastApplied: server.lastApplied}]));
}

test('a headless run\'s trace begins with the start line: raft --seed 1 --steps 300', () => {
	const file = path.join(folder, 'headless-raft.jsonl');
	const result = run(['raft', '--seed', '1', '--steps', '300', '--json', '--trace', file]);
	expect(result.stderr).toBe('');
	const lines = readFileSync(file, 'utf8').trimEnd().split('\n').map(line => JSON.parse(line) as Json);
	expect(lines[0]).toMatchObject({event: 0, kind: 'start', network: 'network whole'});
	expect(lines[0]!.servers.map((server: Json) => `${server.server} ${server.role} ${server.term}`)).toEqual(['S1 follower 0', 'S2 follower 0', 'S3 follower 0', 'S4 follower 0', 'S5 follower 0']);
	expect(lines.slice(1).map(line => line.event)).toEqual(Array.from({length: 300}, (_, i) => i + 1));
	expect(rebuildRaft(lines)).toEqual(raftFinal(JSON.parse(result.stdout) as Json));
});

describe('a Raft scenario trace rebuilds the final --json state', () => {
	test.each([
		['raft-figure-8', 'set-log, cuts, crashes, restarts, a bug switch and a step back of 37 events'],
		['raft-minority-leader', 'a partition and healing'],
		['raft-leader-crash', 'a crash and a restart'],
	])('%s (%s)', scenario => {
		const {report, lines} = traced(scenario, scenario);
		expect(lines.filter(line => line.kind === 'action').length).toBeGreaterThan(0);
		expect(rebuildRaft(lines)).toEqual(raftFinal(report));
	});

	test('the start line lists every server; each action has its line, with what it changed', () => {
		const {lines} = traced('raft-leader-crash', 'leader-crash-lines');
		expect(lines[0]!.servers.map((server: Json) => server.server)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5']);
		const crash = lines.find(line => line.kind === 'action' && /crashes/.test(line.text))!;
		expect(crash.servers).toEqual([expect.objectContaining({role: 'crashed'})]);
		expect(crash.network).toBe('network whole');
	});

	test('Figure 8: the bug switch that makes S1 commit index 2 is the line that gives S1 commitIndex 2', () => {
		const {lines} = traced('raft-figure-8', 'figure-8-bug');
		const bug = lines.find(line => line.kind === 'action' && /^bug old-term-commit on/.test(line.text))!;
		expect(bug.bugs).toEqual(['old-term-commit']);
		expect(bug.servers).toEqual([expect.objectContaining({server: 'S1', commitIndex: 2, lastApplied: 2})]);
		expect(bug.applied.map((item: Json) => item.index)).toEqual([1, 2]);
	});

	test('Figure 8: the step back writes a marker per event undone, and event numbers go back only after one', () => {
		const {lines} = traced('raft-figure-8', 'figure-8-back');
		const markers = lines.filter(line => line.kind === 'step-back');
		expect(markers).toHaveLength(37);
		for (let i = 1; i < lines.length; i++) {
			if (lines[i]!.event < lines[i - 1]!.event) expect(lines[i]!.kind).toBe('step-back');
		}
	});

	test('a restart (key 0) writes a restart marker with every server as at the start', () => {
		const file = path.join(folder, 'restart.scenario');
		writeFileSync(file, ['description restart in the middle', 'mode raft', 'servers 3', 'seed 2', 'workload 0', 'paused', 'until leader', 'crash leader', 'keys 0', 'until leader', 'request', 'until commit 1', ''].join('\n'));
		const {report, lines} = traced(file, 'restart');
		const marker = lines.find(line => line.kind === 'restart')!;
		expect(marker.servers.map((server: Json) => [server.server, server.role, server.term])).toEqual([
			['S1', 'follower', 0],
			['S2', 'follower', 0],
			['S3', 'follower', 0],
		]);
		expect(rebuildRaft(lines)).toEqual(raftFinal(report));
	});
});

type OrderReplica = {up: boolean; delivered: number};

function rebuildOrder(lines: readonly Json[]): {replicas: Map<string, OrderReplica>; sequencerUp: boolean} {
	expect(lines[0]!.kind).toBe('start');
	let replicas = new Map<string, OrderReplica>();
	let sequencerUp = true;
	for (const line of lines) {
		if (line.replicas) {
			// Start, action and marker lines say where every replica stands.
			replicas = new Map(line.replicas.map((item: Json) => [`${item.panel} ${item.replica}`, {up: item.up, delivered: item.delivered}]));
			sequencerUp = line.sequencer.up;
			continue;
		}

		for (const delivery of line.deliveries) {
			const key = `${delivery.panel} ${delivery.replica}`;
			const replica = replicas.get(key)!;
			expect(delivery.position).toBe(replica.delivered + 1);
			replicas.set(key, {...replica, delivered: replica.delivered + 1});
		}
	}

	return {replicas, sequencerUp};
}

function orderFinal(report: Json): {replicas: Map<string, OrderReplica>; sequencerUp: boolean} {
	const replicas = new Map<string, OrderReplica>();
	for (const [panel, value] of Object.entries(report.panels as Record<string, Json>)) {
		for (const replica of value.replicas) replicas.set(`${panel} ${replica.name}`, {up: replica.up, delivered: replica.delivered});
	}

	return {replicas, sequencerUp: report.sequencer.up};
}

describe('an order scenario trace rebuilds the final --json state', () => {
	test.each([['order-sequencer-dies'], ['order-consensus-survives']])('%s', scenario => {
		const {report, lines} = traced(scenario, scenario);
		expect(lines.filter(line => line.kind === 'action').length).toBeGreaterThan(0);
		expect(rebuildOrder(lines)).toEqual(orderFinal(report));
	});

	test('crashes, restarts, a silenced client, heartbeats and a step back, each on its own line', () => {
		const file = path.join(folder, 'order-actions.scenario');
		writeFileSync(
			file,
			['description every kind of action', 'mode order', 'seed 3', 'paused', 'step 40', 'crash lamport R2', 'crash sequencer', 'silence C', 'heartbeats off', 'step 30', 'restart lamport R2', 'crash consensus S3', 'keys b b', 'restart sequencer', 'step 60', ''].join('\n'),
		);
		const {report, lines} = traced(file, 'order-actions');
		expect(lines.filter(line => line.kind === 'action').map(line => line.text)).toEqual([
			expect.stringMatching(/lamport\] crash R2/i),
			expect.stringMatching(/sequencer\] crash the sequencer Q/),
			expect.stringMatching(/silence client C/),
			expect.stringMatching(/heartbeats off/),
			expect.stringMatching(/lamport\] restart R2/i),
			expect.stringMatching(/consensus\] crash S3/),
			expect.stringMatching(/sequencer\] restart the sequencer Q/),
		]);
		const markers = lines.filter(line => line.kind === 'step-back');
		expect(markers).toHaveLength(2);
		// A marker says where things stand; it delivers nothing itself.
		for (const marker of markers) expect(marker.deliveries).toEqual([]);
		expect(rebuildOrder(lines)).toEqual(orderFinal(report));
	});
});
