/**
 * The mode's network: FIFO links with seeded latency, cut links, and losses
 * at a down receiver. Kept apart (send, lossReason, partition helpers) so the
 * shared network module can replace it.
 */
import {hash4} from '../engine/random.js';
import {memberName} from './names.js';
import type {Tx} from './tx.js';
import type {AeronState, Envelope, Message} from './types.js';

const latencyStream = 11;

export const nodeName = (node: number, size: number): string => (node === size ? 'client' : memberName(node));

/** Sends `body` from `from` to `to` (members 0…n-1, the client n); it arrives after a seeded latency, in order on its link. */
export function send(tx: Tx, from: number, to: number, body: Message): void {
	const {config} = tx;
	let draw: number;
	if (from === tx.size) {
		draw = tx.client.draws;
		tx.client = {...tx.client, draws: draw + 1};
	} else {
		const member = tx.member(from);
		draw = member.sends;
		member.sends = draw + 1;
	}

	const span = config.latencyMax - config.latencyMin + 1;
	const latency = config.latencyMin + (hash4(config.seed, latencyStream, from, draw) % span);
	const link = from * (tx.size + 1) + to;
	const at = Math.max(tx.time + latency, tx.linkClearFor(link));
	tx.setLinkClear(link, at);
	const message: Envelope = {id: tx.nextMessageId++, from, to, sentAt: tx.time, body};
	tx.stats.sent++;
	tx.queue.schedule(at, {kind: 'deliver', message});
}

export function sendToAll(tx: Tx, from: number, body: (to: number) => Message | undefined): void {
	for (let to = 0; to < tx.size; to++) {
		if (to === from) continue;
		const message = body(to);
		if (message) send(tx, from, to, message);
	}
}

export function isCut(state: Pick<AeronState, 'cut' | 'members'>, from: number, to: number): boolean {
	return state.cut[from * (state.members.length + 1) + to] ?? false;
}

/** Why a message is lost on arrival, or undefined when it is delivered. */
export function lossReason(state: AeronState, message: Envelope): string | undefined {
	const size = state.members.length;
	if (isCut(state, message.from, message.to)) return `lost: the link ${nodeName(message.from, size)}→${nodeName(message.to, size)} is cut`;
	if (message.to < size && state.members[message.to]!.role === 'down') return `lost: ${memberName(message.to)} is down`;
	return undefined;
}

/** Links cut so that `member` hears no other member and no other member hears it (the client still reaches everyone). */
export function isolate(cut: readonly boolean[], size: number, member: number): boolean[] {
	const next = cut.slice();
	for (let other = 0; other < size; other++) {
		if (other === member) continue;
		next[member * (size + 1) + other] = true;
		next[other * (size + 1) + member] = true;
	}

	return next;
}

export function noCuts(size: number): boolean[] {
	return Array.from({length: (size + 1) * (size + 1)}, () => false);
}

/** The members each member can reach both ways, as groups ("M0 M1 | M2"), or undefined when nothing is cut. */
export function partitionText(state: Pick<AeronState, 'cut' | 'members'>): string | undefined {
	if (!state.cut.some(Boolean)) return undefined;
	const size = state.members.length;
	const seen = new Set<number>();
	const groups: string[] = [];
	for (let m = 0; m < size; m++) {
		if (seen.has(m)) continue;
		const group = [m];
		seen.add(m);
		for (let o = m + 1; o < size; o++) {
			if (!seen.has(o) && !isCut(state, m, o) && !isCut(state, o, m)) {
				group.push(o);
				seen.add(o);
			}
		}

		groups.push(group.map(memberName).join(' '));
	}

	return groups.length > 1 ? groups.join(' | ') : 'some links cut';
}
