import {Text} from 'ink';
import {inputAt} from '../core/simulation.js';
import type {SimState} from '../core/types.js';
import {cellWidth, fit} from './text.js';
import {useColor} from './theme.js';

/** `text` cut to at most `room` cells (with an ellipsis), not padded. */
function upTo(text: string, room: number): string {
	return room <= 0 ? '' : cellWidth(text) <= room ? text : fit(text, room);
}

/** Recent inputs, the current one in brackets, and the next one to come, in exactly `width` cells. */
export function InputStream({sim, width}: {readonly sim: SimState; readonly width: number}) {
	const color = useColor();
	const label = ' inputs ';
	const describe = (index: number) => `#${index} ${sim.model.describeInput(inputAt(sim, index))}`;
	const next = ` next ${describe(sim.index + 1)}`;
	const current = sim.index > 0 ? `[${describe(sim.index)}]` : '[none yet]';
	let room = width - cellWidth(label) - cellWidth(current) - cellWidth(next);
	const earlier: string[] = [];
	for (let index = sim.index - 1; index >= 1 && room > 0; index--) {
		const item = `${describe(index)}  `;
		if (cellWidth(item) + 2 > room) {
			earlier.unshift('… ');
			break;
		}

		earlier.unshift(item);
		room -= cellWidth(item);
	}

	// In a very narrow terminal the parts are cut in turn, so the line never wraps.
	let left = width;
	const take = (text: string) => {
		const cut = upTo(text, left);
		left -= cellWidth(cut);
		return cut;
	};

	const parts = [take(label), take(earlier.join('')), take(current)];
	return (
		<Text>
			<Text color={color('dim')}>{parts[0]}</Text>
			<Text>{parts[1]}</Text>
			<Text bold color={color('accent')}>
				{parts[2]}
			</Text>
			<Text color={color('dim')}>{fit(next, left)}</Text>
		</Text>
	);
}
