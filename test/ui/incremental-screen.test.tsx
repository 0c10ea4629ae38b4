/**
 * Ink's incremental renderer, as scripts/patch-ink.mjs leaves it, writes only
 * the changed part of each changed row and reuses rows that did not change.
 * Whatever it writes, the terminal must show each frame exactly as a full
 * drawing of it would: every mode, stepped frame by frame, in colour, the
 * screen of a terminal fed the incremental output is compared cell by cell
 * (character, colours, bold, dim, inverse) with a fresh one fed the whole frame.
 */
import {Writable} from 'node:stream';
import xterm from '@xterm/headless';
import chalk from 'chalk';
import {render, renderToString} from 'ink';
import {useState} from 'react';
import {afterAll, beforeAll, expect, test, vi} from 'vitest';
import {Shell} from '../../source/components/Shell.js';
import type {RawFlags} from '../../source/core/engine/mode.js';
import {createSession, sessionStep, type Session} from '../../source/core/engine/session.js';
import {modeNamed} from '../../source/core/modes.js';
import {sleep} from './helpers.js';

// Ink decides at import whether it runs in CI (is-in-ci), and there it writes no frame until the end: this test
// is about the frames a user's terminal gets, so Ink is loaded with the CI variables unset (and they are put back after).
const ciVariables = vi.hoisted(() => {
	const saved = {CI: process.env['CI'], CONTINUOUS_INTEGRATION: process.env['CONTINUOUS_INTEGRATION']};
	delete process.env['CI'];
	delete process.env['CONTINUOUS_INTEGRATION'];
	return saved;
});
afterAll(() => {
	for (const [name, value] of Object.entries(ciVariables)) if (value !== undefined) process.env[name] = value;
});

const {Terminal} = xterm;

class FakeTty extends Writable {
	readonly isTTY = true;
	chunks: string[] = [];
	constructor(
		readonly columns: number,
		readonly rows: number,
	) {
		super();
	}

	override _write(chunk: Buffer | string, _encoding: string, callback: () => void): void {
		this.chunks.push(chunk.toString());
		callback();
	}
}

async function write(terminal: InstanceType<typeof Terminal>, data: string): Promise<void> {
	// A terminal's line discipline returns the carriage on a newline.
	await new Promise<void>(resolve => {
		terminal.write(data.replaceAll('\n', '\r\n'), resolve);
	});
}

/** Each row of the screen, a cell at a time with its style. */
function cells(terminal: InstanceType<typeof Terminal>): string[] {
	const buffer = terminal.buffer.active;
	const cell = buffer.getNullCell();
	return Array.from({length: terminal.rows}, (_, y) => {
		const line = buffer.getLine(buffer.baseY + y)!;
		let row = '';
		for (let x = 0; x < terminal.cols; x++) {
			line.getCell(x, cell);
			row += `${cell.getChars() || ' '}/${cell.getFgColor()}/${cell.getBgColor()}/${cell.isBold()}${cell.isDim()}${cell.isInverse()}|`;
		}

		return row;
	});
}

let level: typeof chalk.level;
beforeAll(() => {
	level = chalk.level;
	chalk.level = 3;
});
afterAll(() => {
	chalk.level = level;
});

test.each([
	['voting', {replicas: '5', fault: ['3:flaky']}, 120, 40],
	['voting', {fault: ['2:skip@3']}, 80, 24],
	['raft', {}, 120, 40],
	['order', {}, 120, 40],
	['sourcing', {}, 120, 40],
] as const)('%s %o at %d×%d: the incremental output shows every frame as a full drawing does', async (name, flags, columns, rows) => {
	const mode = modeNamed(name)!;
	let session: Session = createSession(mode, mode.create(mode.parseConfig(flags as RawFlags)), {paused: true});
	const stdout = new FakeTty(columns, rows);
	let setSession: (next: Session) => void = () => {};
	function Harness() {
		const [current, set] = useState(session);
		setSession = set;
		return <Shell session={current} columns={columns} rows={rows} />;
	}

	const ink = render(<Harness />, {stdout: stdout as unknown as NodeJS.WriteStream, incrementalRendering: true, maxFps: 1000, patchConsole: false, exitOnCtrlC: false});
	const shown = new Terminal({cols: columns, rows, allowProposedApi: true});
	try {
		for (let frame = 0; frame < 30; frame++) {
			session = sessionStep(session, {type: 'step'});
			setSession(session);
			const full = new Terminal({cols: columns, rows, allowProposedApi: true});
			await write(full, renderToString(<Shell session={session} columns={columns} rows={rows} />, {columns}));
			const expected = cells(full);
			full.dispose();
			// Ink draws a little later: feed what it wrote until the screens agree, or give up.
			for (let tries = 0; tries < 100 && cells(shown).join('\n') !== expected.join('\n'); tries++) {
				await sleep(5);
				await write(shown, stdout.chunks.splice(0).join(''));
			}

			const actual = cells(shown);
			const row = actual.findIndex((text, y) => text !== expected[y]);
			expect(row, `frame ${frame}, row ${row}`).toBe(-1);
		}
	} finally {
		ink.unmount();
		shown.dispose();
	}
});
