/**
 * The presenter takes a playing scenario's board back along its run ({, b): the caption is the one in force
 * at that event, its claims are not judged against that board, and going forward or Enter brings the
 * scenario back to its pause point, with its caption, and on from there.
 */
import {expect, test} from 'vitest';
import {loadScenario} from '../../source/scenario/bundled.js';
import {sessionForScenario} from '../../source/scenario/drive.js';
import {header, keys, press, renderApp, sleep, waitForFrame} from './helpers.js';

const restartCaption = 'S3 restarts as a follower of its old term 1';
const crashCaption = 'The leader S3 crashes (○).';
const electionCaption = 'No more heartbeats: a follower';
const waiting = (frame: string) => frame.includes('scenario paused: Enter');
const at = (event: number) => (frame: string) => new RegExp(`#${event}\\s*$`).test(header(frame));

test('back along a playing scenario: the caption in force there, no ✗; forward and Enter go on from the pause point', async () => {
	const scenario = loadScenario('raft-leader-crash');
	const app = await renderApp({session: sessionForScenario(scenario), scenario: scenario.steps, columns: 80, rows: 24});
	let frame = await waitForFrame(app.frame, frame => waiting(frame) && frame.includes('Five servers'), 'pause 1');
	for (const caption of [crashCaption, electionCaption, 'A majority of the five', restartCaption]) {
		await press(app.stdin, keys.enter);
		frame = await waitForFrame(app.frame, frame => waiting(frame) && frame.includes(caption), caption, 4000);
	}

	expect(frame).toMatch(/#14\s*$/m);
	await press(app.stdin, '{');
	frame = await waitForFrame(app.frame, at(8), '{ to event 8');
	expect(frame).toContain(electionCaption);
	await press(app.stdin, '{');
	frame = await waitForFrame(app.frame, at(7), '{ to event 7');
	expect(frame).toContain(crashCaption);
	expect(frame).not.toContain(restartCaption);
	await press(app.stdin, 'b');
	frame = await waitForFrame(app.frame, at(6), 'b to event 6');
	expect(frame).toContain('Five servers');
	await sleep(100);
	expect(app.frame()).not.toContain('✗');

	await press(app.stdin, '}', '}');
	frame = await waitForFrame(app.frame, at(8), '} } to event 8');
	expect(frame).toContain(electionCaption);
	// Enter from a board taken back: the board returns to the pause point and the scenario goes on from there.
	await press(app.stdin, keys.enter);
	frame = await waitForFrame(app.frame, frame => waiting(frame) && frame.includes('S3 adopts it and follows S2'), 'pause 6', 4000);
	expect(frame).not.toContain('✗');
}, 8000);
