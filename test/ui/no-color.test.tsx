/** NO_COLOR: <App theme={false}> draws the same screen with no colour escape codes; glyphs and words carry the meaning. Themes change only the colours. */
import chalk, {type ColorSupportLevel} from 'chalk';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {ThemeName} from '../../source/components/theme.js';
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
async function demoFrames(theme: ThemeName | false): Promise<string[]> {
	const app = await renderApp({theme});
	const frames = [app.frame()];
	await press(app.stdin, 's', 's', '2', 'f');
	frames.push(await waitForFrame(app.frame, frame => stripAnsi(frame).includes('fault for R2')));
	await press(app.stdin, 's', 's', 's');
	// After both steps (not the first frame that shows R2 diverged), so that every theme's frame is the same moment.
	frames.push(await waitForFrame(app.frame, frame => stripAnsi(frame).includes('✗ R2 diverged') && stripAnsi(frame).includes('PAUSED #4')));
	await press(app.stdin, '?');
	frames.push(await waitForFrame(app.frame, frame => stripAnsi(frame).includes('run or pause')));
	return frames;
}

describe('NO_COLOR', () => {
	test('with colour on, the dashboard is coloured (control)', async () => {
		const frames = await demoFrames('dark');
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
		const coloured = (await demoFrames('dark')).map(frame => text(frame));
		const plain = (await demoFrames(false)).map(frame => text(frame));
		expect(plain).toEqual(coloured);
	});
});

describe('themes', () => {
	/** The distinct colour codes a frame uses. */
	const codes = (frame: string) => [...new Set(frame.match(new RegExp(colourCode.source, 'g')) ?? [])].sort();

	test('light and high-contrast show the same text as dark, in other colours', async () => {
		const text = (frame: string) => stripAnsi(frame).split('\n').map(line => line.trimEnd());
		const [dark, light, high] = await Promise.all([demoFrames('dark'), demoFrames('light'), demoFrames('high-contrast')]);
		expect(light.map(frame => text(frame))).toEqual(dark.map(frame => text(frame)));
		expect(high.map(frame => text(frame))).toEqual(dark.map(frame => text(frame)));
		for (const frames of [light, high]) for (const frame of frames) expect(frame).toMatch(colourCode);
		expect(codes(light[2]!)).not.toEqual(codes(dark[2]!));
		expect(codes(high[2]!)).not.toEqual(codes(dark[2]!));
		expect(codes(high[2]!)).not.toEqual(codes(light[2]!));
	});

	test('high-contrast uses no grey: dim text is white', async () => {
		const [high] = await Promise.all([demoFrames('high-contrast')]);
		// 90 is bright black (grey) in the 16 colours; 38;5;8 and 38;5;244-ish greys in 256.
		for (const frame of high) expect(frame).not.toMatch(/\u001B\[90m/);
		const [dark] = await Promise.all([demoFrames('dark')]);
		expect(dark.some(frame => /\u001B\[90m/.test(frame))).toBe(true);
	});
});
