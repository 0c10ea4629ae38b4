import {Box, Text} from 'ink';
import {memo} from 'react';
import type {Model} from '../core/model.js';
import {shortDigest, type ReplicaStatus} from '../core/replica-status.js';
import type {ReplicaState} from '../core/types.js';
import {historyWindow} from './history-window.js';
import {fit} from './text.js';
import {useColor} from './theme.js';
import {transitionLines} from './transition-line.js';

type Props = {
	readonly model: Model;
	readonly replica: ReplicaState;
	readonly status: ReplicaStatus;
	readonly selected: boolean;
	readonly width: number;
	readonly height: number;
	readonly historyRows: number;
};

function ReplicaColumnView({model, replica, status, selected, width, height, historyRows}: Props) {
	const color = useColor();
	const inner = width - 4;
	const label = (name: string, value: string) => fit(`${name.padEnd(8)} ${value}`, inner);
	const history = historyWindow(replica.recent, historyRows);
	const lines = transitionLines(model, history, inner);
	return (
		<Box
			flexDirection="column"
			width={width}
			height={height}
			paddingX={1}
			borderStyle={selected ? 'double' : 'single'}
			borderColor={selected ? color('accent') : color('dim')}
		>
			<Text>
				<Text bold>{`${selected ? '▸' : ' '}${replica.name} `}</Text>
				<Text bold color={color(status.tone)}>
					{fit(`${status.glyph} ${status.word}`, inner - replica.name.length - 2)}
				</Text>
				{'\n' + label('applied', replica.applied > 0 ? `#${replica.applied}` : '—')}
				{model.describeState(replica.state).map(([name, value]) => '\n' + label(name, value))}
				<Text color={color(status.tone === 'bad' ? 'bad' : 'dim')}>{'\n' + label('digest', shortDigest(replica.digest))}</Text>
				<Text color={color('dim')}>{'\n' + '─'.repeat(inner)}</Text>
				{history.map((transition, i) => (
					<Text key={i} color={transition.note === 'skipped' || transition.note === 'corrupted' ? color('bad') : undefined}>
						{'\n' + fit(lines[i]!, inner)}
					</Text>
				))}
			</Text>
		</Box>
	);
}

/** A replica re-renders only when it, its status, its selection or the layout changes. */
export const ReplicaColumn = memo(
	ReplicaColumnView,
	(a, b) =>
		a.replica === b.replica &&
		a.model === b.model &&
		a.status.word === b.status.word &&
		a.status.tone === b.status.tone &&
		a.selected === b.selected &&
		a.width === b.width &&
		a.height === b.height &&
		a.historyRows === b.historyRows,
);
