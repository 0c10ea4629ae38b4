/** ← / → and 1–9 select a replica; the selected column is marked ▸. */
import {describe, expect, test} from 'vitest';
import {keys, press, renderApp, selectedReplica, waitForFrame} from './helpers.js';

const selected = (name: string) => (frame: string) => selectedReplica(frame) === name;

describe('selecting a replica', () => {
	test('R1 is selected at the start, and only R1 is marked ▸', async () => {
		const app = await renderApp();
		expect(selectedReplica(app.frame())).toBe('R1');
		expect(app.frame().split('▸')).toHaveLength(2);
	});

	test('→ moves right and wraps from the last replica to the first', async () => {
		const app = await renderApp();
		await press(app.stdin, keys.right);
		await waitForFrame(app.frame, selected('R2'), '▸R2');
		await press(app.stdin, keys.right);
		await waitForFrame(app.frame, selected('R3'), '▸R3');
		await press(app.stdin, keys.right);
		await waitForFrame(app.frame, selected('R1'), '▸R1 after wrapping');
	});

	test('← moves left and wraps from the first replica to the last', async () => {
		const app = await renderApp();
		await press(app.stdin, keys.left);
		await waitForFrame(app.frame, selected('R3'), '▸R3 after wrapping');
		await press(app.stdin, keys.left);
		await waitForFrame(app.frame, selected('R2'), '▸R2');
	});

	test('↑ and ↓ step, they do not select: one consistent pair for a presenter remote', async () => {
		const app = await renderApp();
		await press(app.stdin, keys.down, keys.down);
		await waitForFrame(app.frame, '‖ PAUSED #2', '#2 after ↓ ↓');
		await press(app.stdin, keys.up);
		const frame = await waitForFrame(app.frame, '‖ PAUSED #1', '#1 after ↑');
		expect(selectedReplica(frame)).toBe('R1');
	});

	test('a digit selects that replica directly', async () => {
		const app = await renderApp();
		await press(app.stdin, '3');
		await waitForFrame(app.frame, selected('R3'), '▸R3 after 3');
		await press(app.stdin, '2');
		await waitForFrame(app.frame, selected('R2'), '▸R2 after 2');
		await press(app.stdin, '1');
		await waitForFrame(app.frame, selected('R1'), '▸R1 after 1');
	});

	test('a digit beyond the replica count leaves the selection alone (0 restarts, which keeps it too)', async () => {
		const app = await renderApp();
		await press(app.stdin, '2', '9', '4', '0');
		// A later key that does change the screen proves the earlier ones were handled first.
		await press(app.stdin, 's');
		const frame = await waitForFrame(app.frame, '‖ PAUSED #1', 'the step after the digits');
		expect(selectedReplica(frame)).toBe('R2');
	});

	test('with nine replicas, 9 selects R9 and 5 selects R5', async () => {
		const app = await renderApp({replicas: 9, columns: 200, rows: 30});
		await press(app.stdin, '9');
		await waitForFrame(app.frame, selected('R9'), '▸R9');
		await press(app.stdin, '5');
		await waitForFrame(app.frame, selected('R5'), '▸R5');
	});
});
