/**
 * Aeron's space-time diagram (v): its event lines translated to the shared
 * diagram's rows (net/view/diagram.ts): a lane per member and one for the
 * client, a row per message delivered, lost or dropped and per action.
 * Events without a message (an archive recording a frame, a timer check)
 * leave no row.
 */
import {latest} from '../../engine/recent.js';
import type {Line} from '../../engine/screen.js';
import {diagramLines, type DiagramLanes, type DiagramRow} from '../../net/view/diagram.js';
import {memberName} from '../names.js';
import type {AeronState, EventLine} from '../types.js';

export function aeronLanes(size: number): DiagramLanes {
	const ids = [...Array.from({length: size}, (_, id) => id), size];
	return {ids, names: ids.map(id => (id === size ? 'client' : memberName(id))), dashed: [size]};
}

function diagramRow(line: EventLine): DiagramRow | undefined {
	if (line.arrow === undefined && !line.action) return undefined;
	const arrows = line.arrow === undefined ? [] : [{from: line.arrow.from, to: line.arrow.to, end: line.arrow.end, labels: line.arrow.labels}];
	const who = line.member === null ? '' : ` ${memberName(line.member)}`;
	const action = line.action && line.arrow === undefined ? [`${line.kind}${who}`, line.kind] : line.action ? [line.kind] : undefined;
	const glyphs = line.action && line.member !== null ? [{node: line.member, glyph: '!'}] : [];
	return {time: line.time, arrows, glyphs, ...(action === undefined ? {} : {action})};
}

/** The latest rows that fit in `height` lines (a header, then a row each). */
export function aeronDiagramLines(state: AeronState, width: number, height: number): Line[] {
	const rows = latest(state.history, 2 * state.history.chunk).flatMap(line => diagramRow(line) ?? []);
	return diagramLines(aeronLanes(state.members.length), rows, width, height);
}
