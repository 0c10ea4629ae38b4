import {Box, Text} from 'ink';
import {inputAt} from '../core/simulation.js';
import type {SimState} from '../core/types.js';
import {fit, stringWidth} from './text.js';
import {useColor} from './theme.js';

/** Recent inputs, the current one in brackets, and the next one to come. */
export function InputStream({sim, width}: {readonly sim: SimState; readonly width: number}) {
	const color = useColor();
	const label = ' inputs ';
	const describe = (index: number) => `#${index} ${sim.model.describeInput(inputAt(sim, index))}`;
	const next = ` next ${describe(sim.index + 1)}`;
	const current = sim.index > 0 ? `[${describe(sim.index)}]` : '[none yet]';
	let room = width - stringWidth(label) - stringWidth(current) - stringWidth(next);
	const earlier: string[] = [];
	for (let index = sim.index - 1; index >= 1 && room > 0; index--) {
		const item = `${describe(index)}  `;
		if (stringWidth(item) + 2 > room) {
			earlier.unshift('… ');
			break;
		}

		earlier.unshift(item);
		room -= stringWidth(item);
	}

	return (
		<Box width={width}>
			<Text color={color('dim')}>{label}</Text>
			<Text>{earlier.join('')}</Text>
			<Text bold color={color('accent')}>
				{current}
			</Text>
			<Text color={color('dim')}>{fit(next, Math.max(0, width - stringWidth(label + earlier.join('') + current)))}</Text>
		</Box>
	);
}
