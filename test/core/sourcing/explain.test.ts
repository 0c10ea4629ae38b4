/**
 * "What changed and why", against cases computed by hand. Seed 2 starts with
 * these commands (asserted first, so the arithmetic below has its anchor):
 *   #1 withdraw B 45   #2 transfer A→D 20   #3 transfer A→B 35   #4 deposit B 55
 *   #5 deposit D 135   #6 deposit B 85 (stamped luck 7 < 12: bonus 5)
 *   #7 accrue day 1, stamped at day 2 00:00 (minute 1440)
 * v1 (no overdraft, 2%/day, the bug): #1 ✗; #2 ✗ but D +20; #3 ✗ but B +35;
 *   B 35+55+85+5 = 180, D 20+135 = 155; #7 pays B ⌊180·2%⌋ = 3, D ⌊155·2%⌋ = 3.
 * v2 (overdraft to −50, 3%/day): #1 ✓ B −45; #2 ✓ A −20, D +20; #3 ✗ (A would
 *   be −55) but B +35; B −45+35+55+85+5 = 135, D 155; #7 pays B ⌊4.05⌋ = 4, D ⌊4.65⌋ = 4.
 */
import {describe, expect, test} from 'vitest';
import {describeCommand} from '../../../source/core/sourcing/commands.js';
import {storyLines} from '../../../source/core/sourcing/explain.js';
import {lineText} from '../../../source/core/engine/screen.js';
import {decisionLines} from '../../../source/core/sourcing/view.js';
import {act, commandsOf, replay, run, start} from './helpers.js';

const shortLines = (state: Parameters<typeof storyLines>[0]) => storyLines(state).map(line => line.short);
const longLines = (state: Parameters<typeof storyLines>[0]) => storyLines(state).map(line => line.long);

describe('seed 2, by hand', () => {
	const live = run(start(2), 30);

	test('the first commands are the ones the hand computation uses', () => {
		expect(commandsOf(live).slice(0, 7).map(command => describeCommand(command))).toEqual([
			'withdraw B 45',
			'transfer A→D 20',
			'transfer A→B 35',
			'deposit B 55',
			'deposit D 135',
			'deposit B 85',
			'accrue day 1',
		]);
		expect(commandsOf(live)[5]!.luck).toBe(7);
		expect(commandsOf(live)[6]!.time).toBe(1440);
	});

	test('after deploying v2 and replaying: B, A and D each name the decision that first moved them', () => {
		const replayed = replay(act(live, {type: 'deploy', version: 2}));
		const lines = shortLines(replayed);
		const b = replayed.lastReport!.cmd.accounts.find(change => change.account === 1)!;
		expect(lines).toContain(`cmd B ${b.before} → ${b.after}: v2's overdraft limit accepted a withdrawal v1 rejected (#1) (+${b.changes - 1} more)`);
		expect(lines.some(line => /^cmd A \d+ → \d+: v2's overdraft limit accepted a transfer v1 rejected \(#2\)/.test(line))).toBe(true);
		expect(lines.some(line => /^cmd D \d+ → \d+: v2's interest rate paid 4 where v1's paid 3 \(#7\)/.test(line))).toBe(true);
		expect(longLines(replayed)).toContain(
			`command-sourced balance of B changed from ${b.before} to ${b.after}: v2's overdraft limit (−50) accepted a withdrawal v1 (limit 0) rejected (#1 withdraw B 45); ${b.changes - 1} more decisions moved it`,
		);
	});

	test('the event-sourced side re-applied its 36 events (30 commands, 5 wrong credits, 1 bonus) and did not change', () => {
		const replayed = replay(act(live, {type: 'deploy', version: 2}));
		expect(longLines(replayed)).toContain('event-sourced state unchanged: events are facts (36 re-applied as recorded)');
	});

	test('rolling back to v1 after a v2 run: v1 rejects what v2 accepted', () => {
		const underV2 = run(act(start(2), {type: 'deploy', version: 2}), 30);
		const lines = shortLines(replay(act(underV2, {type: 'deploy', version: 1})));
		expect(lines.some(line => line.startsWith('cmd B ') && line.includes("v1's overdraft limit rejected a withdrawal v2 accepted (#1)"))).toBe(true);
	});

	test('a clock read: replay 1 starts at day 5 00:00 and re-runs #7 at 07:00, so interest covers 103h: B is paid ⌊180·2%·103/24⌋ = 15, not 3', () => {
		const first = replay(act(live, {type: 'clock', read: true}));
		expect(shortLines(first)).toContain(`cmd B 87 → ${first.cmd.ledger.balances[1]}: the logic read the clock: #7 paid 15 for 103h, was 3 (+${first.lastReport!.cmd.accounts.find(change => change.account === 1)!.changes - 1} more)`);
		expect(longLines(first).some(line => line.includes('interest at #7 accrue day 1 covered 103h (the replay ran at day 5 07:00), not 24h, and paid 15, not 3'))).toBe(true);
	});

	test('a second clock-read replay starts 30 hours later (day 6 06:00) and disagrees with the first', () => {
		const second = replay(replay(act(live, {type: 'clock', read: true})));
		expect(shortLines(second)).toContain('replays 1 and 2 of the command journal disagree: the logic read the clock');
		expect(longLines(second).some(line => line.endsWith('replay 1 ran at day 5 00:00, replay 2 at day 6 06:00'))).toBe(true);
		expect(second.lastReport!.cmd.changes[0]).toMatchObject({command: {seq: 7}, causes: ['clock']});
		const b = second.lastReport!.cmd.changes[0]!;
		expect(b.newEffect[1]).toBe(19);
		expect(b.oldEffect[1]).toBe(15);
	});

	test('captured time: the same journal and code agree, and the sentence says why', () => {
		const twice = replay(replay(live));
		expect(shortLines(twice)).toContain('replays 1 and 2 of the command journal agree: same code, inputs captured');
		expect(shortLines(twice)).toContain('cmd unchanged: v1 decided every re-run command as before');
	});

	test('the fix: the event side compensates B 35 for #3 and D 20 for #2; the replay drops the same credits on the command side', () => {
		const fixed = act(live, {type: 'fix'});
		expect(shortLines(fixed)[1]).toMatch(/^evt: 5 compensating events \(D −20 for #2, B −35 for #3, /);
		const replayed = replay(fixed);
		const lines = shortLines(replayed);
		expect(lines.some(line => line.startsWith('cmd B 87 → ') && line.includes("the fix dropped a rejected transfer's credit (#3)"))).toBe(true);
		expect(lines.some(line => line.startsWith('cmd D 284 → ') && line.includes("the fix dropped a rejected transfer's credit (#2)"))).toBe(true);
	});

	test('the decision line names the accounts the pipelines disagree on, with both values, and says why', () => {
		const replayed = replay(act(live, {type: 'deploy', version: 2}));
		const [first, second] = decisionLines(replayed, 200).map(row => lineText(row));
		const cmd = replayed.cmd.ledger.balances;
		const evt = replayed.evt.ledger.balances;
		expect(first).toContain(`B ${cmd[1]! < 0 ? `−${-cmd[1]!}` : cmd[1]}/${evt[1]}`);
		expect(second).toBe('why: replay 1 re-ran the commands under v2; the events keep what v1 decided');
		const agreeing = decisionLines(live, 200).map(row => lineText(row));
		expect(agreeing[0]).toBe('✓ pipelines agree: A 217 · B 87 · C 71 · D 284');
	});
});
