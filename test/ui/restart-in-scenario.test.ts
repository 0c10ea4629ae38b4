/** Home or 0 in a playing scenario: the board would restart without its script, so it says why it waits for the end. */
import {expect, test} from 'vitest';
import {reduce, scenarioRestartNotice, type AppState} from '../../source/app-state.js';
import {createSession, sessionStep} from '../../source/core/engine/session.js';
import {modeNamed} from '../../source/core/modes.js';

function app(playing: boolean): AppState {
	const mode = modeNamed('raft')!;
	let session = createSession(mode, mode.create(mode.parseConfig({})), {paused: true});
	session = sessionStep(session, {type: 'step', count: 20});
	if (playing) session = sessionStep(sessionStep(session, {type: 'play'}), {type: 'await-presenter'});
	return {session, quit: false, outbox: []};
}

test('at a pause point, Home and 0 leave the board where it is and say why', () => {
	for (const key of [{input: '', home: true}, {input: '0'}]) {
		const after = reduce(app(true), {key});
		expect(after.session.history.events).toBe(20);
		expect(after.session.notice).toBe(scenarioRestartNotice);
	}
});

test('outside a scenario, and by the scenario\'s own keys, Home restarts', () => {
	expect(reduce(app(false), {key: {input: '', home: true}}).session.history.events).toBe(0);
	expect(reduce(app(true), {key: {input: '0'}, scripted: true}).session.history.events).toBe(0);
});
