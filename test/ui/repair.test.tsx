/** r repairs the selected replica: a diverged one by state transfer, a crashed one by replaying. */
import {describe, expect, test} from 'vitest';
import {column, columnTitle, lines, press, quorumLines, renderApp, waitForFrame} from './helpers.js';

describe('repair', () => {
	test('r brings a diverged replica back in line by copying the majority', async () => {
		const app = await renderApp();
		await press(app.stdin, 's', 's', '2', 'f', 's', 's', 's');
		const broken = await waitForFrame(app.frame, frame => columnTitle(frame, 2) === '▸R2 ✗ diverged', 'R2 diverged');
		const balance = (frame: string, replica: number) => /balance\s+(\d+)/.exec(column(frame, replica))?.[1];
		expect(balance(broken, 2)).not.toBe(balance(broken, 1));

		await press(app.stdin, 'r');
		const repaired = await waitForFrame(app.frame, frame => columnTitle(frame, 2) === '▸R2 ● ok', 'R2 repaired');
		expect(balance(repaired, 2)).toBe(balance(repaired, 1));
		expect(column(repaired, 2)).toContain('⇐ copied majority');
		const quorum = quorumLines(repaired);
		expect(quorum).toContain('3 of 3 agree');
		expect(quorum).toContain('✓ all replicas in line');
		// What the repair did is said once, where the shell shows what just happened.
		expect(repaired).toContain("R2: copied the majority's state at #4");
	});

	test('r makes a crashed replica replay the inputs it missed', async () => {
		// 120 columns, so the "(replay)" note after each replayed input is not cut off.
		const app = await renderApp({columns: 120});
		await press(app.stdin, 's', '3', 'f', 'x', 's', 's');
		await waitForFrame(app.frame, frame => quorumLines(frame).includes('○ R3 crashed (2 behind)'), 'R3 crashed, 2 behind');
		await press(app.stdin, 'r');
		const frame = await waitForFrame(app.frame, frame => columnTitle(frame, 3) === '▸R3 ● ok', 'R3 repaired');
		expect(column(frame, 3)).toMatch(/applied +#3/);
		// The same results as R1's, marked as replayed.
		const result = (replica: number, index: number) => new RegExp(`#${index} (?:deposit |\\+)40 → (\\d+)`).exec(column(frame, replica))?.[1];
		expect(column(frame, 3)).toMatch(/#3 (?:deposit |\+)40 → \d+ \(replay\)/);
		expect(column(frame, 3)).toMatch(/#2 (?:deposit |\+)40 → \d+ \(replay\)/);
		expect(result(1, 3)).toMatch(/^\d+$/);
		expect([result(3, 2), result(3, 3)]).toEqual([result(1, 2), result(1, 3)]);
		expect(frame).toContain('R3: restarted, replayed 2 missed inputs, agrees with the majority');
	});

	test('r repairs only the selected replica', async () => {
		// Five replicas, so the three healthy ones still decide: R1 skips an input, R3 crashes.
		const app = await renderApp({replicas: 5, columns: 120});
		await press(app.stdin, 'f', 's', '3', 'f', 'x', 's', 's', '1');
		await waitForFrame(app.frame, frame => columnTitle(frame, 1) === '▸R1 ✗ diverged' && columnTitle(frame, 3) === 'R3 ○ crashed', 'R1 diverged and R3 crashed');
		await press(app.stdin, 'r');
		const frame = await waitForFrame(app.frame, frame => columnTitle(frame, 1) === '▸R1 ● ok', 'R1 repaired');
		expect(columnTitle(frame, 3)).toBe('R3 ○ crashed');
		expect(quorumLines(frame)).toContain('○ R3 crashed (2 behind)');
		expect(quorumLines(frame)).not.toContain('R1');
	});
});
