/**
 * The Aeron mode's screen: a column per member, the leader's view of every
 * position and the quorum position its commit rule takes, the client, the
 * messages in flight, the last and next event in words, and a decision line.
 */
import {peekEvent} from '../../engine/event-queue.js';
import type {ViewContext} from '../../engine/mode.js';
import {lineWidth, seg, type Line, type Screen, type Segment} from '../../engine/screen.js';
import {wrapLines} from '../../engine/text.js';
import {networkText} from '../../net/network.js';
import {lampSegments as netLampSegments} from '../../net/view/lamps.js';
import {eventText} from '../describe.js';
import {memberName} from '../names.js';
import {aeronNames} from '../transport.js';
import {messageLines} from './messages.js';
import {aeronDiagramLines} from './diagram.js';
import {leaderOf, leaderView} from '../queries.js';
import {receivedEnd} from '../stream.js';
import {lampNames, type AeronState} from '../types.js';
import {memberColumn} from './column.js';

export const eventRows = 3;
export const decisionRows = 1;
const minColumnWidth = 16;
const minColumnHeight = 10;

export const lampShort: Readonly<Record<(typeof lampNames)[number], string>> = {'one-leader': 'OL', 'commit-kept': 'CK', 'same-records': 'SR', 'service-commit': 'SC'};

/** The lamps by code ("OL", …), each undefined while green. */
export function lampsByCode(state: AeronState): Record<string, string | undefined> {
	return Object.fromEntries(lampNames.map(name => [lampShort[name], state.lamps[name]]));
}

export function lampSegments(state: AeronState): Segment[] {
	return netLampSegments(lampNames.map(name => lampShort[name]), lampsByCode(state));
}

function headerParts(state: AeronState, columns: number): {header: string[]; badges: Line; position: string} {
	const {config} = state;
	const timings = config.realDefaults ? 'Aeron defaults' : 'scaled ×1/10';
	const bugs = config.bugs.length === 0 ? '' : ` ⚠${config.bugs.length === 1 ? config.bugs[0] : `${config.bugs.length} bugs`}`;
	const impure = state.impurity === null ? '' : ` ⚠${state.impurity}`;
	const full = [`${config.members} members`, config.model, `seed ${config.seed}`, timings];
	const badges: Line = [...(bugs + impure === '' ? [] : [seg(bugs + impure, 'warn', true)]), ...lampSegments(state)];
	const long = `t=${state.time}ms #${state.events}`;
	const options: Array<[string[], string]> = [
		[full, long],
		[[`seed ${config.seed}`, timings], long],
		[[timings], long],
		[[timings], `#${state.events}`],
		[[], `#${state.events}`],
	];
	const fits = ([fields, position]: [string[], string]) => 7 + fields.reduce((sum, field) => sum + field.length + 3, 0) + 10 + lineWidth(badges) + 11 + position.length <= columns;
	const [header, position] = options.find(fits) ?? options.at(-1)!;
	return {header, badges, position};
}

function leaderLine(state: AeronState, width: number): Line {
	const id = leaderOf(state);
	if (id === undefined) {
		const electing = state.members.some(m => m.role !== 'down' && m.election !== 'closed');
		return [seg(electing ? 'no leader: the members are electing one' : 'no leader yet: the followers have not noticed', 'warn')];
	}
	const m = state.members[id]!;
	const view = leaderView(state, m);
	const known = view.positions.map((position, member) => `${memberName(member)} ${position < 0 ? '?' : position}`).join(' ');
	const capped = view.quorum > view.own;
	const long = `leader ${memberName(id)} sees ${known} → quorum (${view.k}${view.k === 2 ? 'nd' : view.k === 3 ? 'rd' : 'th'} highest) ${Math.max(0, view.quorum)}, own ${view.own}${capped ? ' (caps it)' : ''} → commit ${view.commit}`;
	const short = `${memberName(id)} sees ${known} → q${Math.max(0, view.quorum)} own ${view.own} → commit ${view.commit}`;
	return [seg(long.length <= width ? long : short, capped ? 'warn' : 'accent')];
}

function clientLine(state: AeronState): Line {
	const {client} = state;
	const last = client.lastReply === null ? '' : ` · last reply ${client.lastReply}`;
	return [seg(`client → ${memberName(client.leaderGuess)} · sent ${client.sent} · replies ${client.replies} (only the leader's service replies)${last}`, 'dim')];
}

function decisionLine(state: AeronState): Line {
	const broken = lampNames.find(name => state.lamps[name] !== undefined);
	if (broken) return [seg(`✗ ${state.lamps[broken]}`, 'bad', true)];
	if (state.divergence) {
		const d = state.divergence;
		return [seg(`✗ ${memberName(d.member)} diverged at ${d.position} (${d.record}): ${d.why}`, 'bad', true)];
	}

	const id = leaderOf(state);
	const network = networkText(aeronNames(state.members.length), state.network, state.members.length);
	const parts = [id === undefined ? 'no leader' : `★ ${memberName(id)} leads term ${state.members[id]!.term}${state.members[id]!.election === 'closed' ? '' : ' (election not complete)'}`];
	if (id !== undefined) parts.push(`commit ${state.members[id]!.commit}`);
	const digests = new Set(state.members.filter(m => m.role !== 'down').map(m => `${m.service.position}:${m.service.digest}`));
	parts.push(digests.size === 1 ? 'every service at the same position and digest ✓' : 'services trail commit');
	if (network !== 'network whole') parts.push(network);
	return [seg(parts.join(' · '))];
}

/** The body as the space-time diagram (v): the latest messages and actions, over the ▸ message in flight (so [ ] m d g still work). */
function diagramScreen(state: AeronState, context: ViewContext): Screen {
	const {columns, bodyRows} = context;
	const {header, badges, position} = headerParts(state, columns);
	const extra = [...aeronDiagramLines(state, columns - 1, Math.max(1, bodyRows - 1)), ...messageLines(state, 1, columns, context.cursor, false)];
	return {kind: 'screen', header, badges, position, events: eventLines(state, columns), panels: [], columnHeight: 0, extra, decision: [decisionLine(state)]};
}

function eventLines(state: AeronState, columns: number): Line[] {
	const next = peekEvent(state.queue);
	return [
		...wrapLines(`last ${state.last.text === '' ? '—' : state.last.text}`, columns, 2).map(text => [seg(text)]),
		...(wrapLines(`last ${state.last.text}`, columns, 2).length < 2 ? [[]] : []),
		[seg('next ', 'dim'), seg(next === undefined ? 'nothing is pending' : `${eventText(next, state)} (t=${next.time}ms)`, 'dim')],
	];
}

export function aeronView(state: AeronState, context: ViewContext): Screen {
	const size = state.members.length;
	const {columns, bodyRows} = context;
	if (columns < size * minColumnWidth) return {kind: 'too-small', reason: `${size} members need a terminal at least ${size * minColumnWidth} columns wide (this one has ${columns})`};
	if (context.diagram) return diagramScreen(state, context);
	const wide = columns >= 110 && bodyRows >= 26;
	const extraRows = wide ? Math.max(6, Math.min(9, bodyRows - 20)) : Math.max(3, bodyRows - 12);
	const columnHeight = bodyRows - extraRows;
	if (columnHeight < minColumnHeight) return {kind: 'too-small', reason: `the Aeron mode needs ${minColumnHeight + 3} rows for its body (this terminal leaves ${bodyRows})`};
	const width = Math.min(40, Math.floor(columns / size));
	const scale = Math.max(96, ...state.members.map(m => receivedEnd(m)));
	const selected = Math.min(context.selected, size - 1);
	const memberColumns = state.members.map(m => memberColumn(state, m, width, columnHeight, m.id === selected, scale));
	const extra = [leaderLine(state, columns), clientLine(state), ...messageLines(state, extraRows - 2, columns, context.cursor, wide)];
	const {header, badges, position} = headerParts(state, columns);
	return {
		kind: 'screen',
		header,
		badges,
		position,
		events: eventLines(state, columns),
		panels: [{id: 'members', columns: memberColumns}],
		columnHeight,
		extra,
		decision: [decisionLine(state)],
	};
}
