/** The header: the mode's fields on the left, its badges (Raft's lamps, etcd's checks) and the run state on the right, never run together. */
import {renderToString} from 'ink';
import {expect, test} from 'vitest';
import {Header, headerText} from '../../source/components/Header.js';
import {seg} from '../../source/core/engine/screen.js';
import {createSession} from '../../source/core/engine/session.js';
import {modeNamed} from '../../source/core/modes.js';
import {stripAnsi} from './helpers.js';

test('whatever the fields and the width, a space separates them from the first badge', () => {
	const mode = modeNamed('raft')!;
	const session = createSession(mode, mode.create(mode.parseConfig({})), {paused: true});
	const badges = [seg('✓ checks hold', 'good')];
	for (let width = 50; width <= 90; width++) {
		for (let length = 1; length <= 40; length++) {
			const fields = ['x'.repeat(length), 'seed 1'];
			const header = stripAnsi(renderToString(<Header session={session} fields={fields} badges={badges} position="#7" width={width} />, {columns: width}));
			const badge = header.indexOf('✓');
			expect(badge, `${width} columns: ${header}`).toBeGreaterThan(0);
			expect(header[badge - 1], `${width} columns: ${header}`).toBe(' ');
		}
	}
});

test('where the dots do not fit, two spaces keep the fields apart before one does', () => {
	const mode = modeNamed('sourcing')!;
	const session = createSession(mode, mode.create(mode.parseConfig({})), {paused: true});
	const fields = ['seed 2', 'bank clock day 5 21:10'];
	const dotted = headerText(session, fields, 80);
	expect(dotted).toBe(' replica-tui  sourcing · seed 2 · bank clock day 5 21:10 · 2 cmd/s');
	expect(headerText(session, fields, 50)).toBe(' sourcing  seed 2  bank clock day 5 21:10  2 cmd/s');
	expect(headerText(session, fields, 47)).toBe(' sourcing seed 2 bank clock day 5 21:10 2 cmd/s');
});
