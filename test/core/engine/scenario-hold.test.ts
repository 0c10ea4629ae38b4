/** A playing scenario in the session: pause points and the presenter's space hold the board, help and menus hold the timeline, the end retires the caption. */
import {describe, expect, test} from 'vitest';
import {reduce, type AppState} from '../../../source/app-state.js';
import {afterEndCaption, createSession, sessionStep, timelineHeld, type Session} from '../../../source/core/engine/session.js';
import {votingMode} from '../../../source/core/voting/mode.js';

const voting = (paused: boolean) => createSession(votingMode, votingMode.create(votingMode.parseConfig({seed: '7'})), {paused});
const app = (session: Session): AppState => ({session, quit: false, outbox: []});
const key = (state: AppState, input: string, scripted = false) => reduce(state, {key: {input}, ...(scripted ? {scripted} : {})});

describe('a playing scenario', () => {
	test('a pause point holds a running stream and its until; release lets both go on', () => {
		let session = sessionStep(sessionStep(voting(false), {type: 'play'}), {type: 'run-until', until: () => false, limit: 5});
		session = sessionStep(session, {type: 'hold', by: 'pause'});
		expect(session).toMatchObject({paused: true, holding: {by: 'pause', resume: true}});
		expect(session.watch).toBeDefined();
		expect(sessionStep(session, {type: 'tick', ms: 5000}).sim).toBe(session.sim);
		session = sessionStep(session, {type: 'release'});
		expect(session).toMatchObject({paused: false, holding: undefined});
		expect(session.watch).toBeDefined();
	});

	test('the presenter\'s space holds the timeline and space again lets it go; the scenario\'s own space runs the stream', () => {
		let state = app(sessionStep(voting(true), {type: 'play'}));
		state = key(state, ' ');
		expect(state.session).toMatchObject({paused: true, holding: {by: 'presenter', resume: false}});
		expect(timelineHeld(state.session)).toBe(true);
		state = key(state, ' ');
		expect(state.session).toMatchObject({paused: true, holding: undefined});
		expect(timelineHeld(state.session)).toBe(false);
		state = key(state, ' ', true);
		expect(state.session).toMatchObject({paused: false, holding: undefined});
	});

	test('help and a menu the presenter opens hold the timeline; a menu the scenario opens does not', () => {
		const playing = app(sessionStep(voting(true), {type: 'play'}));
		expect(timelineHeld(key(playing, '?').session)).toBe(true);
		expect(timelineHeld(key(playing, 'f').session)).toBe(true);
		expect(timelineHeld(key(playing, 'f', true).session)).toBe(false);
	});

	test('after the end the caption stays while the board does, and gives way once it moves', () => {
		let session = sessionStep(sessionStep(sessionStep(voting(true), {type: 'play'}), {type: 'caption', lines: ['The last word.']}), {type: 'end'});
		expect(session).toMatchObject({ended: true, playing: false, caption: ['The last word.']});
		session = sessionStep(session, {type: 'toggle-pause'});
		expect(session.caption).toEqual(['The last word.']);
		session = sessionStep(session, {type: 'tick', ms: 1000});
		expect(session.sim.index).toBeGreaterThan(0);
		expect(session.caption).toEqual(afterEndCaption);
	});
});
