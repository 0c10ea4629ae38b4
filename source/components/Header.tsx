import {Box, Text} from 'ink';
import type {Session} from '../core/session.js';
import {cellWidth, fit, formatRate} from './text.js';
import {useColor} from './theme.js';

export function Header({session, width}: {readonly session: Session; readonly width: number}) {
	const color = useColor();
	const {sim} = session;
	const n = sim.replicas.length;
	const state = session.paused ? '‖ PAUSED' : '▶ RUNNING';
	const right = `${state} #${sim.index} `;
	const left = ` replica-tui  model ${sim.config.model} · seed ${sim.config.seed} · ${n} replica${n === 1 ? '' : 's'} · ${formatRate(session.rate)}`;
	return (
		<Box width={width}>
			<Text bold>{fit(left, width - cellWidth(right))}</Text>
			<Text bold color={color(session.paused ? 'warn' : 'good')}>
				{right}
			</Text>
		</Box>
	);
}
