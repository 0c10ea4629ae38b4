import {Box, Text} from 'ink';
import {memo} from 'react';
import {replicaStatus, shortDigest} from '../core/replica-status.js';
import type {ReplicaState, SimState} from '../core/types.js';
import {fit} from './text.js';
import {useColor} from './theme.js';
import {transitionLine} from './transition-line.js';

type Props = {
	readonly sim: SimState;
	readonly replica: ReplicaState;
	readonly selected: boolean;
	readonly width: number;
	readonly height: number;
	readonly historyRows: number;
};

function ReplicaColumnView({sim, replica, selected, width, height, historyRows}: Props) {
	const color = useColor();
	const inner = width - 4;
	const status = replicaStatus(sim, replica);
	const label = (name: string, value: string) => fit(`${name.padEnd(8)} ${value}`, inner);
	const history = [...replica.recent].reverse().slice(0, historyRows);
	const pad = Array.from({length: historyRows - history.length}, (_, i) => <Text key={`pad${i}`}> </Text>);
	return (
		<Box
			flexDirection="column"
			width={width}
			height={height}
			paddingX={1}
			borderStyle={selected ? 'double' : 'single'}
			borderColor={selected ? color('accent') : color('dim')}
		>
			<Text wrap="truncate">
				<Text bold>{`${selected ? '▸' : ' '}${replica.name} `}</Text>
				<Text bold color={color(status.tone)}>
					{fit(`${status.glyph} ${status.word}`, inner - replica.name.length - 2)}
				</Text>
			</Text>
			<Text>{label('applied', replica.applied > 0 ? `#${replica.applied}` : '—')}</Text>
			{sim.model.describeState(replica.state).map(([name, value]) => (
				<Text key={name}>{label(name, value)}</Text>
			))}
			<Text color={color(status.tone === 'bad' ? 'bad' : 'dim')}>{label('digest', shortDigest(replica.digest))}</Text>
			<Text color={color('dim')}>{'─'.repeat(inner)}</Text>
			{history.map((transition, i) => (
				<Text key={`${transition.index}:${i}`} color={transition.note === 'skipped' || transition.note === 'corrupted' ? color('bad') : undefined}>
					{fit(transitionLine(sim.model, transition), inner)}
				</Text>
			))}
			{pad}
		</Box>
	);
}

/** A replica re-renders only when it, its selection or the layout changes. */
export const ReplicaColumn = memo(ReplicaColumnView, (a, b) =>
	a.replica === b.replica && a.selected === b.selected && a.width === b.width && a.height === b.height && a.historyRows === b.historyRows && a.sim.index === b.sim.index,
);
