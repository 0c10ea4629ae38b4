import {inputAt} from './simulation.js';
import type {SimState} from './types.js';
import {seg, type Line} from '../engine/screen.js';
import {cellWidth, fit} from '../engine/text.js';

/** `text` cut to at most `room` cells (with an ellipsis), not padded. */
function upTo(text: string, room: number): string {
	return room <= 0 ? '' : cellWidth(text) <= room ? text : fit(text, room);
}

/** Recent inputs, the current one in brackets, and the next one to come, in exactly `width` cells. */
export function inputLine(sim: SimState, width: number): Line {
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

	return [seg(take(label), 'dim'), seg(take(earlier.join(''))), seg(take(current), 'accent', true), seg(fit(next, left), 'dim')];
}

/** The latest thing that happened to a replica (a fault, a repair, a divergence), or a reminder of the rule; in fewer words if it would not fit `width`. */
export function latestEventLine(sim: SimState, width = Number.POSITIVE_INFINITY): Line {
	const last = sim.events.at(-1);
	if (!last) return [seg(' same inputs, same order, deterministic machines: the same state', 'dim')];
	// Most events name their input already ("R2 diverged at #3"); the others get the input they happened at.
	const withIndex = (text: string) => (text.includes('#') ? text : `#${last.index} ${text}`);
	const label = ' last: ';
	const full = withIndex(last.text);
	// The short form leaves out the input index too: the header has it.
	const text = last.short !== undefined && cellWidth(label) + cellWidth(full) > width ? last.short : full;
	return [seg(label, 'dim'), seg(text)];
}
