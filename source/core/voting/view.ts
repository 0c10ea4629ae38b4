import type {SimState} from './types.js';
import type {ViewContext} from '../engine/mode.js';
import type {Screen} from '../engine/screen.js';
import {historyLines, replicaColumn} from './columns.js';
import {decisionLines} from './decision.js';
import {inputLine, latestEventLine} from './input-line.js';
import {votingLayout} from './layout.js';

/** The voting mode's screen: the inputs, one column per replica, and the vote. */
export function votingView(sim: SimState, context: ViewContext): Screen {
	const n = sim.replicas.length;
	const stateRows = sim.model.describeState(sim.replicas[0]!.state).length;
	const layout = votingLayout(sim, stateRows, context.columns, context.bodyRows);
	if (layout.kind === 'too-small') return layout;
	const history = historyLines(sim, layout);
	return {
		kind: 'screen',
		header: [`model ${sim.config.model}`, `seed ${sim.config.seed}`, `${n} replica${n === 1 ? '' : 's'}`],
		position: `#${sim.index}`,
		events: [inputLine(sim, context.columns), latestEventLine(sim, context.columns)],
		panels: [{id: 'replicas', columns: sim.replicas.map(replica => replicaColumn(sim, replica, replica.id === context.selected, layout, history[replica.id]!))}],
		columnHeight: layout.columnHeight,
		decision: decisionLines(sim, context.columns),
	};
}
