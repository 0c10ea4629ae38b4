/**
 * Attached to a cluster this app did not start (--endpoints): the screen says
 * what it cannot know (a partition made by another app's proxies), shows no
 * write rate, and space and s write nothing.
 */
import {describe, expect, it} from 'vitest';
import {reduce, type AppState} from '../../../source/app-state.js';
import {headerText, runState} from '../../../source/components/Header.js';
import {lineText} from '../../../source/core/engine/screen.js';
import {createSession} from '../../../source/core/engine/session.js';
import {etcdMode} from '../../../source/core/etcd/mode.js';
import {createEtcdState, observe} from '../../../source/core/etcd/observe.js';
import {etcdView, headerFields} from '../../../source/core/etcd/view.js';
import {asShellMode} from '../../../source/live/shell-mode.js';
import {clusterInfo, healthy} from './fixtures.js';

const attached = observe(createEtcdState(clusterInfo(3, {owned: false, writes: false, rate: 0})), healthy(100, 0, 5, 0));
const owned = observe(createEtcdState(clusterInfo(3)), healthy(100, 0, 5, 0));
const appOf = (state: typeof attached, rate: number | undefined): AppState => ({session: createSession(asShellMode(etcdMode, rate), state, {paused: false}), quit: false, outbox: []});

describe('attached (read-only)', () => {
	it('says partitions are unknown instead of "no partition"', () => {
		const screen = etcdView(attached, {columns: 80, bodyRows: 17, selected: 0, cursor: 0});
		if (screen.kind !== 'screen') throw new Error(screen.reason);
		const decision = lineText(screen.decision[0]!);
		expect(decision).toContain('partitions unknown');
		expect(decision).not.toContain('no partition');
		const ownScreen = etcdView(owned, {columns: 80, bodyRows: 17, selected: 0, cursor: 0});
		if (ownScreen.kind !== 'screen') throw new Error(ownScreen.reason);
		expect(lineText(ownScreen.decision[0]!)).toContain('no partition');
	});

	it('shows read-only where the write rate would be, and runs (it is watched live, nothing is paused)', () => {
		const {session} = appOf(attached, undefined);
		const header = headerText(session, headerFields(attached), 80);
		expect(header).toMatch(/attached.*read-only/);
		expect(header).not.toContain('writes/s');
		expect(runState(reduce(appOf(attached, undefined), {observed: attached}).session).text).toBe('▶ RUNNING');
		expect(headerText(appOf(owned, 5).session, headerFields(owned), 80)).toContain('5 writes/s');
	});

	it('space and s write nothing, and say why', () => {
		for (const input of [' ', 's']) {
			const after = reduce(appOf(attached, undefined), {key: {input}});
			expect(after.outbox).toEqual([]);
			expect(after.session.notice).toMatch(/^read-only: attached/);
			expect(reduce(appOf(owned, 5), {key: {input}}).outbox).toHaveLength(1);
		}
	});
});

describe('the hint line when attached', () => {
	it('offers no write keys, which would write nothing; a cluster this app started does', async () => {
		const {hintLine, shellKindOf} = await import('../../../source/components/KeyHints.js');
		const line = (state: typeof attached, rate: number | undefined) => {
			const {session} = appOf(state, rate);
			return hintLine([], 80, shellKindOf(session));
		};

		expect(line(attached, undefined)).not.toMatch(/writes on\/off|write one/);
		expect(line(attached, undefined)).toContain('q quit');
		expect(line(owned, 5)).toContain('space writes on/off');
	});
});
