/**
 * The clients: each sends inputs from the seeded generator at seeded times,
 * and every input goes to every architecture at the same virtual time. A
 * client keeps its latest inputs, to send one again when a sequencer or a
 * replica asks for it (a NACK).
 */
import {addRecent, latest, recentSize} from '../engine/recent.js';
import {drawFor, intBetween, sequenceDraw, StreamId} from '../engine/streams.js';
import {consensusInput} from './consensus.js';
import {lamportInput} from './lamport.js';
import {clientName, inputLabel, nodeName} from './names.js';
import {noneInput} from './none.js';
import {sequencerInput} from './sequencer.js';
import {OrderStream, type Step} from './step.js';
import {sequencerNode, type InputRef, type OrderMessage} from './types.js';

/** Inputs each client keeps for NACKs: between this many and twice as many. */
export const clientHistoryChunk = 64;
/** Inputs kept for the consensus panel's lookups: between this many and twice as many. */
export const inputLogChunk = 2048;

/** Input #id, from the voting mode's input stream: the same seed gives the same inputs there. */
export function inputFor(step: Pick<Step, 'config' | 'model'>, id: number): unknown {
	return step.model.generate(sequenceDraw(step.config.seed, StreamId.input, id));
}

export function scheduleWorkload(step: Step, client: number): void {
	const mean = step.config.workload;
	if (mean <= 0) return;
	const current = step.client(client);
	const gap = intBetween(drawFor(step.config.seed, OrderStream.workload, client, current.draws), Math.ceil(mean / 2), Math.floor((mean * 3) / 2));
	current.draws++;
	step.queue.schedule(step.now + Math.max(1, gap), {kind: 'send', client});
}

/** Client `client` sends its next input to every architecture now. */
export function sendInput(step: Step, client: number): InputRef | undefined {
	if (step.inputs >= step.config.inputs) {
		step.say(`the clients have sent ${step.config.inputs} inputs: no more in this run`);
		return undefined;
	}

	const id = step.inputs + 1;
	step.inputs = id;
	const current = step.client(client);
	current.sent++;
	const ref: InputRef = {id, client, number: current.sent, sentAt: step.now, input: inputFor(step, id)};
	current.history = addRecent(current.history, ref);
	step.inputLog = addRecent(step.inputLog, ref);
	step.head = `${clientName(client)} sends ${inputLabel(client, ref.number)} (${step.model.describeInput(ref.input)}, input #${id}) to every panel`;
	noneInput(step, ref);
	sequencerInput(step, ref);
	lamportInput(step, ref);
	consensusInput(step, ref);
	return ref;
}

/** The workload timer of a client fires. */
export function onWorkload(step: Step, client: number): void {
	if (step.clients[client]!.silenced) return;
	sendInput(step, client);
	if (step.inputs < step.config.inputs) scheduleWorkload(step, client);
}

/** The input `number` of `client`, if the client still keeps it. */
export function keptInput(step: Step, client: number, number: number): InputRef | undefined {
	const history = step.clients[client]!.history;
	const kept = recentSize(history);
	const sent = step.clients[client]!.sent;
	const index = number - (sent - kept) - 1;
	if (index < 0 || index >= kept) return undefined;
	return latest(history, kept)[index];
}

/** A client is asked for its inputs first…last again: it sends what it still keeps, and says which ones it no longer has. */
export function clientNack(step: Step, message: OrderMessage, first: number, last: number): void {
	const client = message.to;
	const current = step.clients[client]!;
	const oldestKept = current.sent - recentSize(current.history) + 1;
	const range = (from: number, to: number) => (from === to ? inputLabel(client, from) : `${inputLabel(client, from)}–${inputLabel(client, to)}`);
	if (first < oldestKept) {
		const goneTo = Math.min(last, oldestKept - 1);
		step.send(message.arch, client, message.from, {type: 'gone', first, last: goneTo});
		step.say(`${clientName(client)} no longer keeps ${range(first, goneTo)}: it tells ${nodeName(message.from)} to go on without`);
	}

	let sent = 0;
	for (let number = Math.max(first, oldestKept); number <= last; number++) {
		const ref = keptInput(step, client, number);
		if (ref === undefined) continue;
		if (message.arch === 'sequencer') {
			step.send('sequencer', client, sequencerNode, {type: 'input', ref}, true);
		} else if (message.arch === 'lamport') {
			const held = latest(step.read('lamport').clients[client]!.history, 2 * clientHistoryChunk).find(item => item.ref.id === ref.id);
			if (held === undefined) continue;
			step.send('lamport', client, message.from, {type: 'lamport', ts: held.ts, sent: ref.number, ref}, true);
		}

		sent++;
	}

	if (sent > 0) step.say(`${clientName(client)} sends ${range(Math.max(first, oldestKept), last)} to ${nodeName(message.from)} again`);
}
