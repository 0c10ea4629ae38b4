/**
 * What a presenter does during a live scenario, at real speed in a
 * pseudo-terminal: space and help hold the timeline (nothing of the script
 * happens while held), the header says ▶ PLAYING, not PAUSED, while the script
 * moves a paused board, and running on after the end retires the last caption.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {runInPty, sleep, until} from './pty.js';

const hint = 'Enter, PgDn or n continues';
const folder = mkdtempSync(path.join(tmpdir(), 'replica-tui-presenter-'));
afterAll(() => rmSync(folder, {recursive: true, force: true}));

/** A paused voting run whose script steps twice after its pause point, then changes its caption. */
function twoSteps(): string {
	const file = path.join(folder, 'two-steps.scenario');
	writeFileSync(file, 'description Two steps\nseed 7\npaused\ncaption First part\npause\nkeys s\nwait 500ms\nkeys s\ncaption Second part\nwait 60s\n');
	return file;
}

const header = (screen: string) => screen.split('\n')[0] ?? '';

describe('a presenter during a live scenario', () => {
	test('space right after continuing holds the timeline: no key of the script lands, no caption changes; space again lets it go on', async () => {
		const app = runInPty(['play', twoSteps()]);
		try {
			await app.waitFor(hint);
			app.write('n ');
			await until(() => !app.screen().includes(hint), 'n to continue', 5000, app.screen);
			// Held for twice as long as the script needs to step twice and change its caption.
			await sleep(2500);
			expect(app.screen()).toContain('First part');
			expect(header(app.screen())).toMatch(/‖ PAUSED #0 *$/);
			app.write(' ');
			await app.waitFor('Second part', 5000);
			expect(header(app.screen())).toMatch(/#2 *$/);
		} finally {
			app.kill();
		}
	}, 30_000);

	test('help opened while the script plays holds it: the script\'s keys never reach the help, and it goes on once help closes', async () => {
		const app = runInPty(['play', twoSteps()]);
		try {
			await app.waitFor(hint);
			app.write('n?');
			await app.waitFor('esc or ? close help');
			await sleep(2500);
			// The script's two `s` would have paged the help: it is still on its first page.
			expect(app.screen()).toContain('space');
			app.write('?');
			await until(() => !app.screen().includes('esc or ? close help'), 'help to close', 5000, app.screen);
			expect(app.screen()).toContain('First part');
			expect(header(app.screen())).toMatch(/#0 *$/);
			await app.waitFor('Second part', 5000);
			expect(header(app.screen())).toMatch(/#2 *$/);
		} finally {
			app.kill();
		}
	}, 30_000);

	test('raft-minority-leader: while the script moves the paused board to its first pause point, the header never says PAUSED', async () => {
		const app = runInPty(['play', 'raft-minority-leader']);
		try {
			const seen: string[] = [];
			await until(
				() => {
					const line = header(app.screen());
					if (line !== '' && seen.at(-1) !== line) seen.push(line);
					return app.screen().includes(hint);
				},
				'the first pause point',
				15_000,
				app.screen,
			);
			const moving = seen.filter(line => !/ #0 *$/.test(line)).slice(0, -1);
			expect(moving.length).toBeGreaterThan(0);
			for (const line of moving) expect(line).not.toMatch(/PAUSED/);
			// At the pause point it holds, and says so.
			expect(header(app.screen())).toMatch(/‖ PAUSED/);
		} finally {
			app.kill();
		}
	}, 30_000);

	test('after the end, running on replaces the last caption with a line saying the board is no longer described', async () => {
		const file = path.join(folder, 'short.scenario');
		writeFileSync(file, 'description Short\nseed 7\nrate 4\npaused\ncaption Nothing has happened yet.\nwait 200ms\n');
		const app = runInPty(['play', file]);
		try {
			await app.waitFor('■ ENDED');
			expect(app.screen()).toContain('Nothing has happened yet.');
			app.write(' ');
			await app.waitFor('The scenario has ended: the board runs on and is no longer described.', 5000);
			expect(app.screen()).not.toContain('Nothing has happened yet.');
			expect(header(app.screen())).toMatch(/▶ RUNNING #[1-9]/);
		} finally {
			app.kill();
		}
	}, 30_000);
});
