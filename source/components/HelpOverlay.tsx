import {Box, Text} from 'ink';
import {faultInfo, faultTypes} from '../core/fault.js';
import {toleratedFaults} from '../core/quorum.js';
import type {SimState} from '../core/types.js';
import {fit} from './text.js';

const keys: Array<[string, string]> = [
	['space · PgUp', 'pause or resume the input stream'],
	['s · . · PgDn · ↓', 'step exactly one input (pauses first)'],
	['← → · ↑ · 1–9', 'select a replica'],
	['f', 'fault menu for the selected replica:'],
	['r', 'repair: replay missed inputs, or copy the majority'],
	['+ / -', 'faster / slower'],
	['? · esc', 'this help / close it'],
	['q · Ctrl+C', 'quit'],
];

export function helpLines(sim: SimState): string[] {
	const n = sim.replicas.length;
	const lines = keys.flatMap(([key, what]) => {
		const line = `${key.padEnd(18)} ${what}`;
		if (key !== 'f') return [line];
		return [line, ...faultTypes.map(type => `  ${faultInfo[type].key}  ${type.padEnd(8)} ${faultInfo[type].teaches}`)];
	});
	return [
		...lines,
		'',
		`Every replica applies the same inputs in the same order; a deterministic machine then ends in the same state.`,
		`The voter decides a value when more than half of all ${n} replicas agree, so ${n} replica${n === 1 ? '' : 's'} tolerate${n === 1 ? 's' : ''} ${toleratedFaults(n)} faulty one${toleratedFaults(n) === 1 ? '' : 's'}.`,
		`Model ${sim.config.model}: ${sim.model.teaches}.`,
	];
}

export function HelpOverlay({sim, width, height}: {readonly sim: SimState; readonly width: number; readonly height: number}) {
	const all = helpLines(sim);
	const room = height - 3;
	const lines = all.length <= room ? all : [...all.slice(0, room - 1), `… ${all.length - room + 1} more lines in a taller terminal (or see --help)`];
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1}>
			<Text bold>{fit('Keys', width - 4)}</Text>
			{lines.map((line, i) => (
				<Text key={i} wrap="truncate">
					{fit(line, width - 4)}
				</Text>
			))}
		</Box>
	);
}
