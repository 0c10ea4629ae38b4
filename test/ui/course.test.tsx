/** replica-tui course on screen: choose with the arrows, Enter plays, Enter at the end goes on, q comes back, q quits. */
import {render as inkRender} from 'ink';
import {render} from 'ink-testing-library';
import {describe, expect, test} from 'vitest';
import {bundledCourse} from '../../source/course/bundled-course.js';
import {CourseApp} from '../../source/course/CourseApp.js';
import {placeScenarios, type Course} from '../../source/course/outline.js';
import {header, hintBar, keys as namedKeys, lines, maxLineWidth, press, resize, waitFor, waitForFrame} from './helpers.js';

const keys = namedKeys;
const ready = {modeReady: (mode: string) => mode !== 'paxos' && mode !== 'aeron', etcd: true};

async function renderCourse(course: Course, options: {columns?: number; rows?: number; etcd?: boolean} = {}) {
	const environment = {...ready, etcd: options.etcd ?? true};
	// Scenario time 200 times faster than written: each pause point still waits for Enter.
	const element = <CourseApp course={course} environment={environment} pace={200} />;
	const rendered = render(element);
	const handle = inkRender(element, {stdout: rendered.stdout as never, stderr: rendered.stderr as never, stdin: rendered.stdin as never, debug: true, exitOnCtrlC: false, patchConsole: false});
	const exited = handle.waitUntilExit();
	exited.catch(() => undefined);
	resize(rendered.stdout, options.columns ?? 80, options.rows ?? 24);
	await waitFor(() => rendered.stdin.listenerCount('readable') > 0, 'the course to listen to stdin');
	const frame = () => rendered.lastFrame() ?? '';
	await waitForFrame(frame, text => text.includes('replica-tui course') && maxLineWidth(text) <= (options.columns ?? 80), 'the course list');
	return {...rendered, frame, exited};
}

const chosen = (frame: string) => lines(frame).find(line => line.startsWith('▸')) ?? '';
const paused = (frame: string) => hintBar(frame).includes('scenario paused: Enter, PgDn or n continues');

describe('replica-tui course', () => {
	test('arrows choose, Enter plays through the pause points, Enter at the end plays the next, q returns to the list, q quits', async () => {
		const app = await renderCourse(bundledCourse());
		expect(chosen(app.frame())).toContain('faulty-machine');
		await press(app.stdin, keys.down);
		await waitForFrame(app.frame, frame => chosen(frame).includes('two-disagree'), 'the arrow to choose two-disagree');
		await press(app.stdin, keys.up);
		await waitForFrame(app.frame, frame => chosen(frame).includes('faulty-machine'), 'back up to faulty-machine');

		await press(app.stdin, keys.enter);
		const first = await waitForFrame(app.frame, frame => header(frame).includes('model chain') && paused(frame), 'faulty-machine at its first pause point');
		expect(hintBar(first)).toContain('q course');
		for (let pauses = 0; ; pauses++) {
			expect(pauses).toBeLessThan(10);
			// eslint-disable-next-line no-await-in-loop
			const at = await waitForFrame(app.frame, frame => paused(frame) || header(frame).includes('■ ENDED'), 'a pause point or the end', 5000);
			if (!paused(at)) break;
			// eslint-disable-next-line no-await-in-loop
			await press(app.stdin, keys.enter);
			// eslint-disable-next-line no-await-in-loop
			await waitForFrame(app.frame, frame => frame !== at, 'Enter to go on from the pause point');
		}

		expect(hintBar(app.frame())).toContain('Enter: next, two-disagree');
		await press(app.stdin, keys.enter);
		await waitForFrame(app.frame, frame => header(frame).includes('model bank · seed 7 · 2 replicas') && paused(frame), 'two-disagree, the next scenario');

		await press(app.stdin, 'q');
		const list = await waitForFrame(app.frame, frame => frame.includes('replica-tui course'), 'the list again');
		expect(chosen(list)).toContain('two-disagree');
		await press(app.stdin, 'q');
		await app.exited;
	});

	test('a scenario that needs etcd, with etcd missing, says so when chosen and stays listed; a topic whose mode is coming says so', async () => {
		const course = placeScenarios([
			{name: 'etcd-partition', description: 'Real etcd: the leader is cut off', mode: 'etcd', needs: 'etcd'},
			{name: 'raft-figure-8', description: 'Figure 8', mode: 'raft'},
		]);
		const app = await renderCourse(course, {etcd: false});
		expect(lines(app.frame()).find(line => line.includes('etcd-partition'))).toContain('⚠ needs etcd');
		expect(app.frame()).toContain('3 Consensus: Paxos');
		expect(app.frame()).toContain('paxos mode: coming');
		expect(app.frame()).toContain('scenarios coming');
		for (let moves = 0; !chosen(app.frame()).includes('etcd-partition'); moves++) {
			expect(moves).toBeLessThan(20);
			const before = chosen(app.frame());
			// eslint-disable-next-line no-await-in-loop
			await press(app.stdin, keys.down);
			// eslint-disable-next-line no-await-in-loop
			await waitForFrame(app.frame, frame => chosen(frame) !== before, '↓ to move the choice');
		}

		await press(app.stdin, keys.enter);
		const said = await waitForFrame(app.frame, '⚠ etcd-partition: etcd is not installed (apt-get install etcd-server)');
		expect(chosen(said)).toContain('etcd-partition');
		await press(app.stdin, 'q');
		await app.exited;
	});

	test.each([
		[80, 24],
		[120, 40],
	])('the list fits %i×%i (at most rows − 1 lines) and scrolls to keep the choice in sight', async (columns, rows) => {
		const app = await renderCourse(bundledCourse(), {columns, rows});
		const height = () => lines(app.frame()).length;
		expect(height()).toBeLessThanOrEqual(rows - 1);
		await press(app.stdin, keys.pageDown, keys.pageDown, keys.pageDown);
		const last = await waitForFrame(app.frame, frame => chosen(frame).includes('sourcing-snapshots'), 'the last scenario chosen', 3000);
		expect(lines(last).length).toBeLessThanOrEqual(rows - 1);
		expect(maxLineWidth(last)).toBeLessThanOrEqual(columns);
		expect(last).toContain('Command vs event sourcing');
		expect(last).toMatch(/▲ \d+ above/);
		await press(app.stdin, 'q');
		await app.exited;
	});
});
