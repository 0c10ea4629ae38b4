/** P (save the screen) is handled by the app, before the keymap: no mode, no menu and no shell key may mean anything else by it. */
import {describe, expect, it} from 'vitest';
import {isStillKey, stillKey, type KeyPress} from '../../../source/core/engine/key-press.js';
import {actionForKey, shellHelp} from '../../../source/core/engine/keys.js';
import {createSession, sessionStep} from '../../../source/core/engine/session.js';
import {etcdMode} from '../../../source/core/etcd/mode.js';
import {createEtcdState} from '../../../source/core/etcd/observe.js';
import {asShellMode} from '../../../source/live/shell-mode.js';
import {simulatedBundledNames, loadScenario} from '../../../source/scenario/bundled.js';
import {sessionForScenario} from '../../../source/scenario/drive.js';
import {clusterInfo} from '../etcd/fixtures.js';

const printable = Array.from({length: 0x7f - 0x20}, (_, index) => String.fromCodePoint(0x20 + index));
/** One scenario per simulated mode, and a real cluster's session as etcd makes one: each mode's own keys and menus. */
const sessions = [
	...new Map(simulatedBundledNames().map(name => loadScenario(name)).map(scenario => [scenario.mode.name, sessionForScenario(scenario)])).values(),
	createSession(asShellMode(etcdMode, 5), createEtcdState(clusterInfo()), {paused: false}),
];

describe(`the still key (${stillKey})`, () => {
	it('covers every mode', () => {
		expect(sessions.map(session => session.mode.name).sort()).toEqual(expect.arrayContaining(['etcd', 'order', 'raft', 'sourcing', 'voting']));
	});

	it.each(sessions.map(session => [session.mode.name, session] as const))('means nothing else in the %s mode, nor in any of its menus', (_, session) => {
		expect(actionForKey(session, {input: stillKey})).toBeUndefined();
		for (const input of printable) {
			const action = actionForKey(session, {input});
			if (action === undefined || action === 'quit' || action.type !== 'open-menu') continue;
			const menu = sessionStep(session, action);
			expect(menu.overlay.kind).toBe('menu');
			expect(actionForKey(menu, {input: stillKey}), `the menu "${input}" opens`).toBeUndefined();
		}
	});

	it('is P alone, is not a key a presenter remote sends, and is in the help', () => {
		const remote: KeyPress[] = [{input: ' '}, {input: '.'}, {input: '', pageDown: true}, {input: '', pageUp: true}, {input: '', upArrow: true}, {input: '', downArrow: true}, {input: '', leftArrow: true}, {input: '', rightArrow: true}, {input: '', return: true}, {input: '', escape: true}, {input: 'b'}];
		expect(remote.some(key => isStillKey(key))).toBe(false);
		expect(isStillKey({input: 'P'})).toBe(true);
		expect(isStillKey({input: 'p'})).toBe(false);
		expect(isStillKey({input: 'P', meta: true})).toBe(false);
		expect(shellHelp.some(([keys, what]) => keys === stillKey && /PNG/.test(what))).toBe(true);
	});
});
