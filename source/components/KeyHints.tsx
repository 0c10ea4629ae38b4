import {Text} from 'ink';
import {faultInfo, faultTypes} from '../core/fault.js';
import type {Session} from '../core/session.js';
import {fit} from './text.js';
import {useColor} from './theme.js';

export const mainHints = ['space pause', 's step', '←→ select', 'f fault', 'r repair', '+/- speed', '? help', 'q quit'];
const compactHints = ['space pause', 's step', '←→ pick', 'f fault', 'r repair', '+- speed', '? help', 'q quit'];

/** The full hints, or a shorter wording when they do not fit. */
export function hintLine(width: number): string {
	const full = ` ${mainHints.join(' · ')}`;
	return full.length <= width ? full : ` ${compactHints.join('  ')}`;
}

export function faultMenuText(replicaName: string, width: number): string {
	const choices = [...faultTypes.map(type => `${faultInfo[type].key} ${type}`), 'esc cancel'];
	const full = ` fault for ${replicaName}: ${choices.join(' · ')}`;
	if (full.length <= width) return full;
	const spaced = ` fault for ${replicaName}: ${choices.join('  ')}`;
	// Seven faults do not fit 80 columns spaced out: every key stays, and Esc is named shortly.
	return spaced.length <= width ? spaced : ` fault for ${replicaName}: ${[...choices.slice(0, -1), 'esc'].join(' ')}`;
}

export function KeyHints({session, width}: {readonly session: Session; readonly width: number}) {
	const color = useColor();
	if (session.overlay === 'fault-menu') {
		const name = session.sim.replicas[session.selected]!.name;
		return (
			<Text bold inverse color={color('warn')}>
				{fit(faultMenuText(name, width), width)}
			</Text>
		);
	}

	if (session.awaitingPresenter && session.overlay === 'none') {
		return (
			<Text bold inverse color={color('accent')}>
				{fit(' ‖ scenario paused: Enter, PgDn or n continues · every other key still works · q quit', width)}
			</Text>
		);
	}

	const hints = session.overlay === 'help' ? ' esc or ? close help · q quit' : hintLine(width);
	return <Text color={color('dim')}>{fit(hints, width)}</Text>;
}
