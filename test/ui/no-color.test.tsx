/** NO_COLOR: <App color={false}> draws the same screen with no colour escape codes; glyphs and words carry the meaning. */
import chalk, {type ColorSupportLevel} from 'chalk';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {columnTitle, press, quorumLines, renderApp, stripAnsi, waitForFrame} from './helpers.js';

// Foreground, background, 256-colour and truecolour SGR codes (bold, inverse and resets are not colour).
// eslint-disable-next-line no-control-regex
const colourCode = /\u001B\[(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])[;m]/;

let savedLevel: ColorSupportLevel;
beforeAll(() => {
	// Chalk decides colour support from the test runner's stdout (not a TTY: level 0). Force truecolour so that
	// colour={true} really emits colours, and the colour={false} check below can fail.
	savedLevel = chalk.level;
	chalk.level = 3;
});
afterAll(() => {
	chalk.level = savedLevel;
});

/** The course demo, ending with R2 diverged: ✓ on the quorum line, ✗ on R2, ● on R1 and R3. */
async function demoFrames(color: boolean): Promise<string[]> {
	const app = await renderApp({color});
	const frames = [app.frame()];
	await press(app.stdin, 's', 's', '2', 'f');
	frames.push(await waitForFrame(app.frame, frame => stripAnsi(frame).includes('fault for R2')));
	await press(app.stdin, 's', 's', 's');
	frames.push(await waitForFrame(app.frame, frame => stripAnsi(frame).includes('✗ R2 diverged')));
	await press(app.stdin, '?');
	frames.push(await waitForFrame(app.frame, frame => stripAnsi(frame).includes('pause or resume')));
	return frames;
}

describe('NO_COLOR', () => {
	test('with colour on, the dashboard is coloured (control)', async () => {
		const frames = await demoFrames(true);
		for (const frame of frames) expect(frame).toMatch(colourCode);
	});

	test('with colour off, no frame has a colour code, and the glyphs are all there', async () => {
		const frames = await demoFrames(false);
		for (const frame of frames) expect(frame).not.toMatch(colourCode);
		const diverged = stripAnsi(frames[2]!);
		expect(columnTitle(diverged, 1)).toBe('R1 ● ok');
		expect(columnTitle(diverged, 2)).toBe('▸R2 ✗ diverged');
		expect(quorumLines(diverged)).toContain('✓ 2 of 3 agree');
		expect(quorumLines(diverged)).toContain('✗ R2 diverged since #3');
	});

	test('colour off shows the same text as colour on', async () => {
		// Ink trims trailing spaces from a line, but not when they sit inside a colour code: compare trimmed lines.
		const text = (frame: string) => stripAnsi(frame).split('\n').map(line => line.trimEnd());
		const coloured = (await demoFrames(true)).map(frame => text(frame));
		const plain = (await demoFrames(false)).map(frame => text(frame));
		expect(plain).toEqual(coloured);
	});
});
