import {actionForKey} from '../core/keymap.js';
import {createSession, msUntilNextInput, sessionStep, type Session} from '../core/session.js';
import {createSimulation} from '../core/simulation.js';
import {frameMs} from '../hooks/useTicker.js';
import {runScenario} from '../scenario/runner.js';
import type {Scenario} from '../scenario/types.js';
import {renderFrame} from './render-frame.js';

export type TextFrame = {readonly time: number; readonly text: string};

export function sessionForScenario(scenario: Scenario): Session {
	const sim = createSimulation({model: scenario.model, replicas: scenario.replicas, seed: scenario.seed, faults: scenario.faults});
	return createSession(sim, {paused: scenario.paused, rate: scenario.rate});
}

/**
 * Plays a scenario on a virtual clock and returns every distinct frame with
 * its time in seconds. Inputs arrive exactly as the live ticker would issue
 * them; nothing reads the wall clock, so the frames are the same every run.
 */
export async function scenarioFrames(scenario: Scenario, options: {color: boolean}): Promise<TextFrame[]> {
	let session = sessionForScenario(scenario);
	let now = 0;
	const frames: TextFrame[] = [];
	const capture = () => {
		const text = renderFrame(session, scenario.columns, scenario.rows, options.color);
		if (text !== frames.at(-1)?.text) frames.push({time: now / 1000, text});
	};

	const advance = async (ms: number) => {
		const until = now + ms;
		while (now < until) {
			const wait = session.paused ? until - now : Math.min(until - now, Math.max(frameMs, msUntilNextInput(session)));
			session = sessionStep(session, {type: 'tick', ms: wait});
			now += wait;
			capture();
		}
	};

	capture();
	await runScenario(
		scenario.steps,
		{sleep: advance, pausePoint: advance},
		{
			press(key) {
				const action = actionForKey(session, key);
				if (action === 'quit') return false;
				if (action) session = sessionStep(session, action);
				capture();
				return true;
			},
			caption(lines) {
				session = sessionStep(session, {type: 'caption', lines});
				capture();
			},
		},
	);
	// The scenario's last wait is part of it: end on a repeat of the last frame, at the end time.
	const last = frames.at(-1)!;
	if (now / 1000 > last.time) frames.push({time: now / 1000, text: last.text});
	return frames;
}
