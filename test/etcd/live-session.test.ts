import {existsSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {UsageError} from '../../source/core/engine/usage-error.js';
import {parseEtcdConfig} from '../../source/core/etcd/config.js';
import {etcdMode} from '../../source/core/etcd/mode.js';
import {lineText} from '../../source/core/engine/screen.js';
import {EtcdLiveSession} from '../../source/etcd/live-session.js';
import {etcd, skipReason, waitFor} from './etcd-available.js';

describe.skipIf(!etcd)(`the live session the shell drives${skipReason}`, () => {
	it('starts, folds every poll into the state, performs actions, and stops clean', async () => {
		const session = await EtcdLiveSession.start(parseEtcdConfig({members: '3', rate: '20', seed: '3'}));
		const folder = session.controller.folder!;
		try {
			let changes = 0;
			session.onChange(() => changes++);
			await waitFor('a leader and a few writes', () => session.state.leader !== undefined && session.state.writer.acked >= 3);
			expect(changes).toBeGreaterThan(0);
			const screen = etcdMode.view(session.state, {columns: 80, bodyRows: 17, selected: 0, cursor: 0});
			expect(screen.kind).toBe('screen');
			const action = etcdMode.keyAction(session.state, {input: 'x'}, {selected: 0, cursor: 0});
			expect(action).toEqual({action: {type: 'crash', member: 0}});
			const note = await session.perform({type: 'crash', member: 0});
			expect(note.text).toMatch(/^killed m1/);
			await waitFor('m1 shown down', () => session.state.members[0]!.role === 'down');
			await waitFor('the event line to say so', () => session.state.events.some(event => event.text === 'm1 is down'));
			const after = etcdMode.view(session.state, {columns: 80, bodyRows: 17, selected: 0, cursor: 0});
			expect(after.kind === 'screen' && lineText(after.panels[0]!.columns[0]!.title)).toContain('✗ down');
		} finally {
			await session.stop();
		}

		expect(existsSync(folder)).toBe(false);
	});
});

describe('attaching', () => {
	it('to endpoints where nothing answers is a usage error in one line', async () => {
		const start = EtcdLiveSession.start(parseEtcdConfig({endpoints: 'http://127.0.0.1:9'}));
		await expect(start).rejects.toBeInstanceOf(UsageError);
		await expect(start).rejects.toThrow('--endpoints: no etcd answers at http://127.0.0.1:9');
	});
});
