import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {applyAction} from '../../../source/core/raft/actions.js';
import {parseRaftConfig} from '../../../source/core/raft/config.js';
import {createRaft, handleNextEvent} from '../../../source/core/raft/engine.js';
import {raftReport, raftSummary, raftTraceLine, type EntryJson} from '../../../source/core/raft/report.js';
import {serverName} from '../../../source/core/raft/names.js';
import type {RaftState} from '../../../source/core/raft/types.js';
import {runArbitrary} from './arbitraries.js';
import {raft, until} from './helpers.js';

type Rebuilt = {role: string; term: number; votedFor: string | null; commitIndex: number; lastApplied: number; log: EntryJson[]};

/** Applies one trace line to a picture of every server rebuilt from the trace alone. */
function replayLine(servers: Map<string, Rebuilt>, line: ReturnType<typeof raftTraceLine>): void {
	for (const change of line.servers) {
		const server = servers.get(change.server) ?? {role: 'follower', term: 0, votedFor: null, commitIndex: 0, lastApplied: 0, log: []};
		server.role = change.role;
		server.term = change.term;
		server.votedFor = change.votedFor;
		server.commitIndex = change.commitIndex;
		server.lastApplied = change.lastApplied;
		if (change.log) {
			server.log = [...server.log.slice(0, change.log.from - 1), ...change.log.entries];
			expect(server.log).toHaveLength(change.log.length);
		}

		servers.set(change.server, server);
	}
}

function picture(state: RaftState): Map<string, Rebuilt> {
	return new Map(raftReport(state).servers.map(server => [server.name, {role: server.role, term: server.currentTerm, votedFor: server.votedFor, commitIndex: server.commitIndex, lastApplied: server.lastApplied, log: server.log}]));
}

describe('the trace', () => {
	it('every line (events and actions) carries enough to rebuild every server\'s role, term, vote, log, commit and applied index', () => {
		fc.assert(
			fc.property(runArbitrary, run => {
				let state = createRaft(parseRaftConfig({seed: String(run.seed), servers: String(run.servers), model: run.model, workload: String(run.workload)}));
				const rebuilt = new Map<string, Rebuilt>();
				const lines: Array<ReturnType<typeof raftTraceLine>> = [];
				const record = (next: RaftState) => {
					state = next;
					const line = JSON.parse(JSON.stringify(raftTraceLine(state))) as ReturnType<typeof raftTraceLine>;
					lines.push(line);
					replayLine(rebuilt, line);
					expect(rebuilt).toEqual(picture(state));
				};

				record(state);
				for (const {gap, action} of run.schedule) {
					const until = state.time + gap;
					while (state.queue.items.length > 0 && state.queue.items[0]!.time <= until) record(handleNextEvent(state));
					record(applyAction(state, action));
				}

				const sent = new Set(lines.flatMap(line => line.sent.map(message => message.id)));
				for (const line of lines) if (line.message && line.kind !== 'action') expect(sent.has(line.message.id) || line.message.copyOf !== undefined).toBe(true);
			}),
			{numRuns: 40},
		);
	});

	it('a line names the event, its time, the message delivered and the messages sent with their due times', () => {
		let state = until(raft({seed: '7'}), 'leader S3');
		state = until(state, 'in-flight S3->S1 AppendEntries');
		state = until(state, 'time 160');
		const line = raftTraceLine(handleNextEvent(state));
		expect(line).toMatchObject({event: state.events + 1, kind: 'deliver'});
		expect(line.message).toMatchObject({from: 'S3', type: 'AppendEntries', term: 1, prevLogIndex: 0, entries: []});
		expect(line.sent).toEqual([expect.objectContaining({from: line.message!.to, to: 'S3', type: 'AppendEntriesReply', success: true, due: expect.any(Number)})]);
		expect(JSON.parse(JSON.stringify(line))).toEqual(line);
	});
});

describe('the report and the summary', () => {
	it('reports every server, the leader, the commit index and the client', () => {
		let state = until(raft({seed: '7'}), 'leader S3');
		state = applyAction(state, {type: 'request'});
		state = until(state, 'applied 1');
		const report = raftReport(state);
		expect(report).toMatchObject({mode: 'raft', seed: 7, model: 'bank', leader: 'S3', term: 1, commitIndex: 1, network: 'network whole'});
		expect(report.servers).toHaveLength(5);
		expect(report.servers[2]).toMatchObject({name: 'S3', role: 'leader', currentTerm: 1, votedFor: 'S3', commitIndex: 1, lastApplied: 1, log: [[1, 1, expect.any(String)]]});
		expect(report.servers[0]!.machine).toBe(state.model.summary(state.servers[0]!.machine));
		expect(report.client).toMatchObject({requests: 1, acked: 1});
		const summary = raftSummary(state).split('\n');
		expect(summary[1]).toMatch(/^S3 leads term 1 · commit 1/);
		expect(summary[2]).toBe('safety ✓ES ✓LA ✓LM ✓LC ✓SM · every property held at every event');
		expect(summary.slice(3).map(line => line.split(' ')[0])).toEqual([0, 1, 2, 3, 4].map(id => serverName(id)));
		expect(report.safety).toEqual({
			safe: true,
			lamps: {ES: 'green', LA: 'green', LM: 'green', LC: 'green', SM: 'green'},
			violations: [],
			liveness: {leaderlessMs: 0, longestLeaderlessMs: expect.any(Number), electionsInLast2s: 1},
		});
	});
});
