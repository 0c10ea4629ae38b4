import {Box, Text} from 'ink';
import type {SimState} from '../core/types.js';
import {quorumLines} from '../core/verdict.js';
import {fit} from './text.js';
import {useColor} from './theme.js';

/** The vote in words, as the core says it (source/core/verdict.ts): what the majority decided, and who is out of line. */
export function QuorumLine({sim, width}: {readonly sim: SimState; readonly width: number}) {
	const color = useColor();
	const [decision, second] = quorumLines(sim);
	return (
		<Box flexDirection="column" width={width}>
			<Text bold color={color(decision.tone)}>
				{fit(` ${decision.text}`, width)}
			</Text>
			<Text color={color(second.tone)}>{fit(second.text ? ` ${second.text}` : '', width)}</Text>
		</Box>
	);
}
