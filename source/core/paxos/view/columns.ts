/** The acceptor and proposer columns: what each holds on disk and in memory, and what it last did. */
import {seg, type Column, type Line} from '../../engine/screen.js';
import {ballotText} from '../ballot.js';
import {acceptorList, bitCount, majority} from '../names.js';
import {isNoop} from '../queries.js';
import type {Acceptor, PaxosState, Proposer} from '../types.js';

const phaseWord: Readonly<Record<Proposer['phase'], string>> = {
	idle: 'idle',
	prepare: 'phase 1',
	accept: 'phase 2',
	lead: 'leads',
	wait: 'preempted',
	follow: 'follows',
	down: 'down',
};

/** "refused 2.P2: promised 3.P1" → two rows. */
function lastRows(text: string, refused: boolean): Line[] {
	const [head = '', tail] = text.split(': ');
	const first: Line = [seg(refused ? `✗ ${head}` : head, refused ? 'warn' : 'dim')];
	return tail === undefined ? [first] : [first, [seg(tail, refused ? 'warn' : 'dim')]];
}

export function acceptorColumn(state: PaxosState, acceptor: Acceptor, width: number, height: number, selected: boolean, firstInstance: number): Column {
	const title: Line = [seg(`A${acceptor.id + 1} `, undefined, true), acceptor.up ? seg('● up', 'good') : seg('✗ down', 'bad')];
	const lines: Line[] = [[seg('promised ', 'dim'), seg(ballotText(acceptor.promised), undefined, true)]];
	if (state.config.multi) {
		const rows = Math.max(0, height - 3 - lines.length);
		for (let instance = firstInstance; instance < firstInstance + rows; instance++) {
			const proposal = acceptor.accepted[instance - 1];
			const chosen = state.lamps.chosen[instance - 1]?.[0];
			if (instance > state.acceptors.reduce((most, item) => Math.max(most, item.accepted.length), 0)) break;
			if (proposal === undefined) lines.push([seg(`#${instance} `, 'dim'), seg('· hole', 'dim')]);
			else {
				const mark = chosen && chosen.value.id === proposal.value.id ? seg('✓', 'good') : seg(' ');
				const text = width - 2 >= 20 ? proposal.value.text : proposal.value.id;
				lines.push([seg(`#${instance} `, 'dim'), mark, seg(`${ballotText(proposal.ballot)} `, 'dim'), seg(text, isNoop(proposal.value) ? 'muted' : undefined)]);
			}
		}
	} else {
		const accepted = acceptor.accepted[0];
		const long = width - 2 >= 22;
		const label = long ? 'accepted ' : 'acc ';
		lines.push(accepted ? [seg(label, 'dim'), seg(long ? `(${ballotText(accepted.ballot)}, ${accepted.value.text})` : `(${ballotText(accepted.ballot)},${accepted.value.text})`, undefined, true)] : [seg(label, 'dim'), seg('—')]);
		lines.push(...lastRows(acceptor.last, acceptor.lastRefused));
	}

	return {id: `A${acceptor.id}`, width, title, lines, selected, ...(acceptor.up ? {} : {borderTone: 'muted' as const})};
}

export function proposerColumn(state: PaxosState, proposer: Proposer, width: number, selected: boolean): Column {
	const phase = phaseWord[proposer.phase];
	const title: Line = [seg(`P${proposer.id + 1} `, undefined, true), proposer.up ? seg(`● ${phase}`, proposer.phase === 'lead' ? 'accent' : proposer.phase === 'wait' ? 'warn' : 'good') : seg('✗ down', 'bad')];
	const lines: Line[] = [[seg('n ', 'dim'), seg(ballotText(proposer.ballot), undefined, true), seg(` round ${proposer.round}`, 'dim')]];
	const need = majority(state.config.acceptors);
	const active = proposer.phase === 'prepare' || proposer.phase === 'accept' || proposer.phase === 'lead';
	if (active) lines.push([seg('prom ', 'dim'), seg(compactList(proposer.promises, state.config.acceptors)), seg(` ${bitCount(proposer.promises)}/${need}`, bitCount(proposer.promises) >= need ? 'good' : 'dim')]);
	else lines.push([seg(statusText(state, proposer), proposer.phase === 'wait' ? 'warn' : 'dim')]);
	if (state.config.multi) {
		if (proposer.phase === 'lead') lines.push([seg('next ', 'dim'), seg(`#${proposer.nextInstance}`)]);
		if (proposer.waiting.length > 0) lines.push([seg(`${proposer.waiting.length} waiting`, 'warn')]);
	} else {
		const mine = proposer.proposing[0];
		const adopted = proposer.adopted[0];
		if (mine && proposer.phase !== 'down') {
			const adopts = adopted !== undefined && adopted.value.id === mine.value.id && mine.value.id !== proposer.own.id;
			lines.push([seg(adopts ? 'adopts ' : 'own ', adopts ? 'accent' : 'dim'), seg(mine.value.text, undefined, true)]);
			const acks = bitCount(mine.acks);
			lines.push([seg('accepted ', 'dim'), acks >= need ? seg(`${acks} ✓`, 'good') : seg(`${acks}/${need}`)]);
		} else if (proposer.phase === 'prepare' && adopted) {
			lines.push([seg('must adopt ', 'accent'), seg(adopted.value.text, undefined, true)]);
		} else {
			lines.push([seg('own ', 'dim'), seg(proposer.own.text)]);
		}
	}

	return {id: `P${proposer.id}`, width, title, lines, selected, ...(proposer.up ? {} : {borderTone: 'muted' as const})};
}

function compactList(bits: number, count: number): string {
	return acceptorList(bits, count).replaceAll(' ', '') || '—';
}

function statusText(state: PaxosState, proposer: Proposer): string {
	switch (proposer.phase) {
		case 'wait':
			return `refused by ${proposer.note.split(' ')[0]}`;
		case 'follow':
			return `follows ${proposer.note.split(' ').at(-1)}`;
		case 'down':
			return 'crashed';
		default: {
			const mine = proposer.proposing[0];
			return !state.config.multi && mine !== undefined && bitCount(mine.acks) >= majority(state.config.acceptors) ? `knows ${mine.value.text} chosen` : proposer.note === '' ? 'not started' : proposer.note.length <= 14 ? proposer.note : 'idle';
		}
	}
}
