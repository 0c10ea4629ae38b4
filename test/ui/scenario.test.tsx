/** A scenario played live (replica-tui play): captions, pause points that wait for the presenter, the end of the scenario. */
import {describe, expect, test} from 'vitest';
import {parseScenario} from '../../source/scenario/parse.js';
import {header, hintBar, keys, lines, press, renderApp, sleep, waitForFrame} from './helpers.js';

const steps = (text: string) => parseScenario(text, 'live.scenario').steps;
const waiting = (frame: string) => hintBar(frame).includes('scenario paused: Enter, PgDn or n continues');

describe('a scenario played live', () => {
	test('a pause point waits for the presenter, other keys still work, Enter goes on; at the end the stream stops and says so', async () => {
		const app = await renderApp({scenario: steps('description d\nseed 7\npaused\ncaption First part\npause\nstep 2\ncaption Second part\nwait 300ms\n')});
		const first = await waitForFrame(app.frame, frame => frame.includes('First part') && waiting(frame), 'the first pause point');
		expect(lines(first)[3]).toBe(' First part');
		await sleep(300);
		expect(waiting(app.frame())).toBe(true);
		await press(app.stdin, 's');
		await waitForFrame(app.frame, frame => frame.includes('‖ PAUSED #1') && waiting(frame), 's at a pause point');

		await press(app.stdin, keys.enter);
		const end = await waitForFrame(app.frame, frame => header(frame).includes('■ ENDED'), 'the end', 5000);
		expect(end).toContain('Second part');
		expect(header(end)).toMatch(/■ ENDED #3\s*$/);
		expect(hintBar(end)).toContain('■ end of the scenario · b steps back · 0 restarts · space runs on · q quit');
		await sleep(200);
		expect(header(app.frame())).toMatch(/#3\s*$/);

		await press(app.stdin, 'b');
		await waitForFrame(app.frame, frame => header(frame).endsWith('#2') || /#2\s*$/.test(header(frame)), 'a step back after the end');
		await press(app.stdin, ' ');
		await waitForFrame(app.frame, frame => header(frame).includes('▶ RUNNING'), 'space runs on');
	});

	test.each([
		['PgDn', keys.pageDown],
		['n', 'n'],
	])('%s continues from a pause point (and PgDn does not step there)', async (_name, key) => {
		const app = await renderApp({scenario: steps('description d\npaused\ncaption One\npause\ncaption Two\npause\n')});
		await waitForFrame(app.frame, frame => frame.includes('One') && waiting(frame), 'the first pause point');
		await press(app.stdin, key);
		const next = await waitForFrame(app.frame, frame => frame.includes('Two') && waiting(frame), 'the second pause point');
		expect(header(next)).toMatch(/#0\s*$/);
	});

	test('q at a pause point quits', async () => {
		const app = await renderApp({scenario: steps('description d\npaused\ncaption One\npause\n')});
		await waitForFrame(app.frame, waiting, 'the pause point');
		await press(app.stdin, 'q');
		await app.waitUntilExit();
	});
});
