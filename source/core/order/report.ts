/**
 * Headless output: the end-of-run report (--json), a plain summary, and one
 * trace line per event (--trace). The fields are documented in docs/order.md
 * ("Headless output").
 */
import {currentLeader} from '../raft/queries.js';
import {archShort, clientName, inputLabel, replicaName} from './names.js';
import {agreement, fifo, heldCount, holdReason, isStalled, isUp, latency, messagesOf, messagesPerInput, stallReason} from './queries.js';
import {archIds, type ArchId, type OrderState} from './types.js';

function hex(digest: number): string {
	return (digest >>> 0).toString(16).padStart(8, '0');
}

function round(value: number | undefined): number | null {
	return value === undefined ? null : Math.round(value * 100) / 100;
}

function replicaReport(state: OrderState, arch: ArchId, index: number) {
	const replica = state.archs[arch].replicas[index]!;
	return {
		name: replicaName(arch, index),
		up: isUp(state, arch, index),
		delivered: replica.delivered,
		held: heldCount(state, arch, index),
		state: state.model.summary(replica.machine),
		digest: hex(state.model.digest(replica.machine)),
		stalled: isStalled(state, arch, index),
		waiting: holdReason(state, arch, index) ?? null,
		divergedAt: replica.diverged?.pos ?? null,
		fifoViolations: replica.fifoViolations,
		last: replica.recent.current.slice(-5).map(item => inputLabel(item.ref.client, item.ref.number)),
	};
}

export function panelReport(state: OrderState, arch: ArchId) {
	const figures = latency(state, arch);
	const agree = agreement(state, arch);
	const order = fifo(state, arch);
	const stalled = state.archs[arch].replicas.filter(replica => isStalled(state, arch, replica.index));
	return {
		agree: agree.agree,
		disagreement: agree.agree ? null : agree.text,
		fifo: order.kept,
		fifoBreak: order.kept ? null : order.text,
		stalled: stalled.map(replica => replicaName(arch, replica.index)),
		stallReason: stalled.length === 0 ? null : stallReason(state, arch, stalled[0]!.index),
		latency: figures === undefined ? null : {median: figures.median, worst: figures.worst, window: figures.count},
		deliveries: state.archs[arch].stats.deliveries,
		messages: messagesOf(state, arch),
		messagesPerInput: round(messagesPerInput(state, arch)),
		replicas: state.archs[arch].replicas.map(replica => replicaReport(state, arch, replica.index)),
	};
}

export function orderReport(state: OrderState) {
	const {config} = state;
	const leader = currentLeader(state.raft);
	const q = state.archs.sequencer.sequencer;
	return {
		mode: 'order',
		seed: config.seed,
		model: config.model,
		clients: config.clients,
		time: state.time,
		events: state.events,
		inputs: state.inputs,
		silenced: state.clients.flatMap((client, id) => (client.silenced ? [clientName(id)] : [])),
		heartbeats: state.archs.lamport.heartbeats,
		sequencer: {up: q.up, nextSeq: q.nextSeq, lostWhileDown: q.lostWhileDown},
		raft: {leader: leader === undefined ? null : `S${leader + 1}`, term: leader === undefined ? null : state.raft.servers[leader]!.currentTerm, elections: state.raft.stats.elections, replays: state.archs.consensus.replays, reordered: state.archs.consensus.reordered, clientFifo: state.config.clientFifo},
		panels: Object.fromEntries(archIds.map(arch => [arch, panelReport(state, arch)])),
	};
}

export function orderSummary(state: OrderState): string {
	const lines = [`order · model ${state.config.model} · seed ${state.config.seed} · ${state.config.clients} clients · t=${state.time}ms · ${state.events} events · ${state.inputs} inputs`];
	for (const arch of archIds) {
		const agree = agreement(state, arch);
		const order = fifo(state, arch);
		const figures = latency(state, arch);
		const per = messagesPerInput(state, arch);
		const stalled = state.archs[arch].replicas.filter(replica => isStalled(state, arch, replica.index));
		const replicas = state.archs[arch].replicas.map(replica => `${replicaName(arch, replica.index)} ${isUp(state, arch, replica.index) ? '' : '(down) '}${replica.delivered} ${state.model.summary(replica.machine)}`);
		lines.push(
			`${archShort[arch]}: ${agree.agree ? 'agree' : `DISAGREE ${agree.text}`} · ${order.kept ? 'FIFO kept' : `FIFO broken ${order.text}`} · latency ${figures === undefined ? '—' : `${figures.median} median, ${figures.worst} worst ms`} · ${per === undefined ? '—' : per.toFixed(1)} msg/input${stalled.length > 0 ? ` · STALLED: ${stallReason(state, arch, stalled[0]!.index)}` : ''} · ${replicas.join(' · ')}`,
		);
	}

	return lines.join('\n');
}

/** What a start, action or marker line states: every replica (up, delivered), the consensus panel's servers, the sequencer and the switches. */
function standing(state: OrderState) {
	return {
		replicas: archIds.flatMap(arch => state.archs[arch].replicas.map(replica => ({panel: arch, replica: replicaName(arch, replica.index), up: isUp(state, arch, replica.index), delivered: replica.delivered}))),
		servers: state.raft.servers.map(server => ({server: `S${server.id + 1}`, role: server.role, term: server.currentTerm, commitIndex: server.commitIndex, lastApplied: server.lastApplied})),
		sequencer: {up: state.archs.sequencer.sequencer.up},
		silenced: state.clients.flatMap((client, id) => (client.silenced ? [clientName(id)] : [])),
		heartbeats: state.archs.lamport.heartbeats,
	};
}

/** The event just handled (or the action just applied): what it was, and every delivery it caused; start and action lines also say where everything stands. */
export function orderTraceLine(state: OrderState) {
	const record = state.last;
	return {
		event: record.n,
		t: record.time,
		kind: record.kind,
		panel: record.arch,
		text: record.text,
		sent: record.sent,
		deliveries: record.deliveries.map(item => ({
			panel: item.arch,
			replica: replicaName(item.arch, item.replica),
			position: item.pos,
			input: item.id,
			label: inputLabel(item.client, item.number),
			latency: item.latency,
			...(item.matches ? {} : {mismatch: true}),
			...(item.rebuild ? {rebuild: true} : {}),
		})),
		inputs: state.inputs,
		...(record.kind === 'start' || record.kind === 'action' ? standing(state) : {}),
	};
}

/** The start line (and a marker's body): every replica and server as it stands. */
export function orderTraceStart(state: OrderState) {
	const start = state.last.kind === 'start';
	return {...orderTraceLine(state), event: state.events, t: state.time, kind: 'start', panel: null, text: start ? state.last.text : '', sent: start ? state.last.sent : 0, deliveries: [], ...standing(state)};
}
