import {stripVTControlCharacters} from 'node:util';
import stringWidth from 'string-width';
import {describe, expect, test} from 'vitest';
import {scenarioFrames, type TextFrame} from '../../source/record/scenario-frames.js';
import {loadScenario, simulatedBundledNames} from '../../source/scenario/bundled.js';
import type {Scenario} from '../../source/scenario/types.js';

const names = simulatedBundledNames();
/** Three plays of a long scenario (raft-figure-7, -8) can pass 30 s on a machine busy with a second test worker. */
const renderTimeout = 90_000;

/** Frames in colour or as plain text, computed once per scenario. */
const cache = new Map<string, Promise<TextFrame[]>>();
function framesOf(name: string, color: boolean): Promise<TextFrame[]> {
	const key = `${name}:${color}`;
	if (!cache.has(key)) cache.set(key, scenarioFrames(loadScenario(name), {theme: color ? 'dark' : false}));
	return cache.get(key)!;
}

const plainFrames = async (name: string) => framesOf(name, false);

/** The quorum line and the line under it (who is out of line), as shown in one frame. */
function quorumSection(frame: TextFrame): string {
	const lines = stripVTControlCharacters(frame.text).split('\n');
	const at = lines.findIndex(line => line.startsWith(' quorum'));
	if (at < 0) throw new Error(`no quorum line in frame at ${frame.time}s:\n${frame.text}`);
	return lines.slice(at, at + 2).join('\n');
}

/** The header line of each replica column, e.g. "R1 ● ok", "R3 ✗ diverged". */
function replicaHeaders(frame: TextFrame, replicas: number): string[] {
	const text = stripVTControlCharacters(frame.text);
	return Array.from({length: replicas}, (_, i) => new RegExp(`[│║] +▸?(R${i + 1} [^│║]*)`).exec(text)?.[1]!.trim() ?? `R${i + 1} missing`);
}

/** Index of the first frame matching `test`, or -1. */
const firstIndex = (frames: TextFrame[], test: (frame: TextFrame) => boolean) => frames.findIndex(frame => test(frame));

describe('playback on a virtual clock', () => {
	test.each(names)('%s gives identical frames on a second run', async name => {
		const first = await framesOf(name, true);
		const second = await scenarioFrames(loadScenario(name), {theme: 'dark'});
		expect(first.length).toBeGreaterThan(1);
		expect(second).toEqual(first);
		expect(first.some(frame => frame.text !== stripVTControlCharacters(frame.text)), 'colour frames carry colour').toBe(true);
		const plain = await plainFrames(name);
		expect(plain.every(frame => frame.text === stripVTControlCharacters(frame.text)), 'plain frames carry no escapes').toBe(true);
		expect(plain.map(frame => frame.time)).toEqual(first.map(frame => frame.time));
	}, renderTimeout);

	test.each(names)('%s: every frame fits the terminal (at most rows − 1 lines, each at most columns cells); times never go back', async name => {
		const scenario = loadScenario(name);
		const frames = await framesOf(name, true);
		let previous = 0;
		for (const frame of frames) {
			const lines = stripVTControlCharacters(frame.text).split('\n');
			expect(lines.length, `frame at ${frame.time}s`).toBeLessThanOrEqual(scenario.rows - 1);
			for (const line of lines) expect(stringWidth(line), `frame at ${frame.time}s: ${line}`).toBeLessThanOrEqual(scenario.columns);
			expect(frame.time).toBeGreaterThanOrEqual(previous);
			previous = frame.time;
		}

		expect(frames[0]!.time).toBe(0);
	}, renderTimeout);

	test('a different size lays the frames out at that size', async () => {
		const scenario: Scenario = {...loadScenario('majority-vote'), columns: 100, rows: 30};
		const frames = await scenarioFrames(scenario, {theme: false});
		const widths = frames.flatMap(frame => frame.text.split('\n').map(line => stringWidth(line)));
		expect(Math.max(...widths)).toBeGreaterThan(90);
		expect(Math.max(...widths)).toBeLessThanOrEqual(100);
		expect(Math.max(...frames.map(frame => frame.text.split('\n').length))).toBe(29);
	});

	test('each caption is shown, in order, under the header', async () => {
		for (const name of names) {
			const scenario = loadScenario(name);
			const frames = await plainFrames(name);
			let from = 0;
			for (const step of scenario.steps) {
				if (step.kind !== 'caption' || step.lines.length === 0) continue;
				const at = frames.findIndex((frame, i) => i >= from && frame.text.includes(step.lines.join('\n ')));
				expect(at, `${name}: caption of line ${step.line} shown after frame ${from}`).toBeGreaterThanOrEqual(from);
				from = at;
			}
		}
	});
});

describe('what the bundled scenarios show', () => {
	test('majority-vote: R3 is flagged diverged on the quorum line while two of three agree, and by the end all are in line', async () => {
		const frames = await plainFrames('majority-vote');
		const flagged = firstIndex(frames, frame => /2 of 3 agree[^]*R3 diverged/.test(quorumSection(frame)));
		expect(flagged, 'a frame with R3 flagged').toBeGreaterThan(0);
		expect(replicaHeaders(frames[flagged]!, 3)).toEqual([expect.stringMatching(/^R1 ● ok/), expect.stringMatching(/^R2 ● ok/), expect.stringMatching(/^R3 ✗ diverged/)]);
		const last = quorumSection(frames.at(-1)!);
		expect(last).toMatch(/3 of 3 agree/);
		expect(last).toMatch(/all replicas in line/);
		expect(last).not.toMatch(/diverged/);
	});

	test('too-many-faults: R2 and R3 outvote the correct R1, then nothing is decided', async () => {
		const frames = await plainFrames('too-many-faults');
		const wrongMajority = firstIndex(frames, frame => /2 of 3 agree[^]*R1 diverged/.test(quorumSection(frame)));
		expect(wrongMajority, 'a frame with R1 flagged').toBeGreaterThan(0);
		expect(replicaHeaders(frames[wrongMajority]!, 3)).toEqual([
			expect.stringMatching(/^R1 ✗ diverged/),
			expect.stringMatching(/^R2 ● ok/),
			expect.stringMatching(/^R3 ● ok/),
		]);
		const nothingDecided = firstIndex(frames, frame => /no majority/.test(quorumSection(frame)));
		expect(nothingDecided, 'a frame with no majority').toBeGreaterThan(wrongMajority);
		expect(quorumSection(frames.at(-1)!)).toMatch(/no majority/);
	});

	test('two-disagree: the voter cannot tell which replica is right', async () => {
		const frames = await plainFrames('two-disagree');
		const agree = firstIndex(frames, frame => /2 of 2 agree/.test(quorumSection(frame)));
		const stuck = firstIndex(frames, frame => /no majority[^]*cannot tell which replica is right/.test(quorumSection(frame)));
		expect(agree, 'agreement before the skip').toBeGreaterThan(0);
		expect(stuck, 'the tie after the skip').toBeGreaterThan(agree);
		expect(quorumSection(frames.at(-1)!)).toMatch(/cannot tell which replica is right/);
	});

	test('crash-catch-up: R2 is shown crashed, then replays what it missed and is back in line', async () => {
		const frames = await plainFrames('crash-catch-up');
		const crashed = firstIndex(frames, frame => /R2 ○ crashed/.test(frame.text) && /R2 crashed/.test(quorumSection(frame)));
		// What the repair did is said once, where the shell shows what just happened.
		const replayed = firstIndex(frames, frame => /R2: restarted, replayed \d+, agrees with majority/.test(frame.text));
		expect(crashed, 'a frame with R2 crashed').toBeGreaterThan(0);
		expect(replayed, 'a frame after the replay').toBeGreaterThan(crashed);
		expect(frames.slice(crashed).some(frame => /diverged/.test(quorumSection(frame))), 'a crash is never called a divergence').toBe(false);
		expect(quorumSection(frames.at(-1)!)).toMatch(/3 of 3 agree[^]*all replicas in line/);
	});

	test('faulty-machine: the chain model, and R2 skips transitions', async () => {
		const frames = await plainFrames('faulty-machine');
		const armed = firstIndex(frames, frame => /R2 ⚠ flaky/.test(frame.text));
		// Once R2 has skipped, two replicas disagree and neither can be called right.
		const skipped = firstIndex(frames, frame => /✗ skip/.test(frame.text) && /R2 \? no majority/.test(frame.text));
		expect(armed, 'a frame with R2 armed as flaky').toBeGreaterThanOrEqual(0);
		expect(skipped, 'a frame after R2 skipped').toBeGreaterThan(armed);
		expect(frames.some(frame => /STATE\d/.test(frame.text))).toBe(true);
	});

	test('no-total-order: reordering makes R3 diverge while R1 and R2 agree', async () => {
		const frames = await plainFrames('no-total-order');
		expect(frames.some(frame => /2 of 3 agree[^]*R3 diverged/.test(quorumSection(frame)))).toBe(true);
		expect(quorumSection(frames.at(-1)!)).toMatch(/R3 diverged/);
	});
});
