import type {SimState} from './types.js';
import {columnFixedRows, minColumnWidth, statusApart, type ColumnShape} from './columns.js';

const borderRows = 2;

export type VotingLayout = ({readonly kind: 'too-small'; readonly reason: string}) | ({readonly kind: 'columns'; readonly columnHeight: number} & ColumnShape);

/**
 * Fits n replica columns into the body: full columns (22 cells or more) when
 * they fit, else compact ones (down to 13 cells: five replicas in 80 columns,
 * nine in 120).
 */
export function votingLayout(sim: SimState, stateRows: number, columns: number, bodyRows: number): VotingLayout {
	const replicas = sim.replicas.length;
	const width = Math.floor(columns / replicas);
	if (width < minColumnWidth) {
		return {
			kind: 'too-small',
			reason: `${replicas} replicas need ${replicas * minColumnWidth} columns (${minColumnWidth} each); this terminal has ${columns}. Widen it, or run with fewer --replicas.`,
		};
	}

	const apart = width >= minColumnWidth && statusApart(sim, width);
	const historyRows = bodyRows - borderRows - columnFixedRows - stateRows - (apart ? 1 : 0);
	if (historyRows < 1) return {kind: 'too-small', reason: `The replica columns need ${1 - historyRows} more row${historyRows === 0 ? '' : 's'}. Make the terminal taller.`};
	return {kind: 'columns', width, columnHeight: bodyRows, historyRows, statusApart: apart};
}
