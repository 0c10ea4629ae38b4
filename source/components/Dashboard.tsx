import {Box, Text} from 'ink';
import {replicaStatus} from '../core/replica-status.js';
import type {Session} from '../core/session.js';
import {Header} from './Header.js';
import {HelpOverlay} from './HelpOverlay.js';
import {InputStream} from './InputStream.js';
import {KeyHints} from './KeyHints.js';
import {layoutFor} from './layout.js';
import {QuorumLine} from './QuorumLine.js';
import {ReplicaColumn} from './ReplicaColumn.js';
import {fit, wrapWords} from './text.js';
import {useColor} from './theme.js';

type Props = {readonly session: Session; readonly columns: number; readonly rows: number};

/** The whole screen, drawn from a session snapshot; it holds no state of its own. */
export function Dashboard({session, columns, rows}: Props) {
	const color = useColor();
	const {sim} = session;
	const stateRows = sim.model.describeState(sim.replicas[0]!.state).length;
	const layout = layoutFor(session, stateRows, columns, rows);
	const width = columns;
	if (layout.kind === 'too-small') {
		const lines = wrapWords(`⚠ ${layout.reason} q quits.`, Math.max(1, width), Math.max(1, rows - 1));
		return (
			<Box flexDirection="column" width={width}>
				{lines.map((line, i) => (
					<Text key={i} bold color={color('warn')}>
						{line}
					</Text>
				))}
			</Box>
		);
	}

	return (
		<Box flexDirection="column" width={width}>
			<Header session={session} width={width} />
			<InputStream sim={sim} width={width} />
			{session.caption.slice(0, layout.captionRows).map((line, i) => (
				<Text key={i} bold color={color('accent')}>
					{fit(` ${line}`, width)}
				</Text>
			))}
			{session.overlay === 'help' ? (
				<HelpOverlay sim={sim} width={width} height={layout.columnHeight} />
			) : (
				<Box height={layout.columnHeight}>
					{sim.replicas.map(replica => (
						<ReplicaColumn
							key={replica.id}
							model={sim.model}
							replica={replica}
							status={replicaStatus(sim, replica)}
							selected={replica.id === session.selected}
							width={layout.columnWidth}
							height={layout.columnHeight}
							historyRows={layout.historyRows}
						/>
					))}
				</Box>
			)}
			<QuorumLine sim={sim} width={width} />
			<KeyHints session={session} width={width} />
		</Box>
	);
}
