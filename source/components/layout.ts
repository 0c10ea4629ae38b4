import type {Session} from '../core/session.js';

export const minColumnWidth = 22;
/** Header, input stream, quorum (2 lines) and key hints. */
const chromeRows = 5;
/** Inside a column, around the state lines: name, applied, digest, rule. */
const columnFixedRows = 4;
const borderRows = 2;

export type Layout =
	| {readonly kind: 'too-small'; readonly reason: string}
	| {
			readonly kind: 'dashboard';
			readonly columnWidth: number;
			readonly columnHeight: number;
			readonly historyRows: number;
			readonly captionRows: number;
	  };

/**
 * Fits the dashboard into `columns`×`rows`, keeping the height at most
 * rows − 1: Ink clears the whole screen every frame when the output fills it.
 */
export function layoutFor(session: Session, stateRows: number, columns: number, rows: number): Layout {
	const n = session.sim.replicas.length;
	const usableRows = rows - 1;
	const captionRows = Math.min(session.caption.length, 2);
	const columnHeight = usableRows - chromeRows - captionRows;
	const historyRows = columnHeight - borderRows - columnFixedRows - stateRows;
	if (n * minColumnWidth > columns) {
		return {
			kind: 'too-small',
			reason: `${n} replicas need ${n * minColumnWidth} columns (${minColumnWidth} each); this terminal has ${columns}. Widen it, or run with fewer --replicas.`,
		};
	}

	if (historyRows < 1) {
		const needed = rows - historyRows + 1;
		return {kind: 'too-small', reason: `This terminal has ${rows} rows; the dashboard needs at least ${needed}. Make it taller.`};
	}

	return {kind: 'dashboard', columnWidth: Math.floor(columns / n), columnHeight, historyRows, captionRows};
}
