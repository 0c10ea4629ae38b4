/** course --record DIR: GIFs and an index in course order, the same bytes every run; bad flags and folders are one plain line. */
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {main} from '../../source/main.js';
import {UsageError} from '../../source/options.js';
import {recordCourse} from '../../source/course/record-course.js';

const folder = mkdtempSync(path.join(tmpdir(), 'replica-course-'));
afterAll(() => {
	rmSync(folder, {recursive: true, force: true});
});

describe('course --record', () => {
	test('two runs on a small scenario write the same bytes; the index has its topic, description, GIF and captions', async () => {
		const progress: string[] = [];
		for (const run of ['first', 'second']) {
			// two-disagree is one of the shortest scenarios; 8 px keeps the GIF quick to draw.
			// eslint-disable-next-line no-await-in-loop
			await recordCourse({folder: path.join(folder, run), names: ['two-disagree'], fontSize: 8, theme: 'dark', progress: text => progress.push(text)});
		}

		const first = path.join(folder, 'first');
		expect(readdirSync(first).sort()).toEqual(['index.md', 'two-disagree.gif']);
		for (const file of ['index.md', 'two-disagree.gif']) expect(readFileSync(path.join(folder, 'second', file)).equals(readFileSync(path.join(first, file)))).toBe(true);
		expect(progress[0]).toBe('recording 1 of 1: two-disagree …');
		expect(progress.at(-1)).toMatch(/^recorded 1 scenario → .*; the index is .*index\.md$/);
		const index = readFileSync(path.join(first, 'index.md'), 'utf8');
		expect(index).toContain('## 1. State machines and replication\n\nIts mode: `replica-tui voting`.');
		expect(index).toContain('### two-disagree\n\nTwo replicas disagree and nobody can tell which one is right.\n\n![two-disagree](two-disagree.gif)');
		expect(index).toContain('1. Two replicas of a bank account apply the same inputs in the same order.\n2. At input #4, R2 skips a transition. Watch the quorum line.\n3. The balances differ');
		expect(readFileSync(path.join(first, 'two-disagree.gif')).subarray(0, 6).toString()).toBe('GIF89a');
	});

	test.each([
		[['course', 'two-disagree'], {record: '/proc/replica-course'}, 'cannot write --record into "/proc/replica-course": no folder can be made there'],
		[['course'], {record: path.join(folder, 'x'), topic: 'nope'}, 'unknown --topic "nope": choose one of state-machines, total-order, consensus, log-replication, raft, aeron, sourcing'],
		[['course', 'raft-figure-8'], {record: path.join(folder, 'x'), topic: 'raft'}, 'give --topic or scenario names, not both'],
		[['course', 'etcd-partition'], {record: path.join(folder, 'x')}, 'etcd-partition runs a real etcd cluster in real time, so it cannot be recorded on a virtual clock'],
		[['course', 'no-such'], {record: path.join(folder, 'x')}, 'no scenario named "no-such" in the course'],
		[['course'], {record: path.join(folder, 'x'), pace: '2'}, '--pace does not apply to "course --record"'],
		[['course'], {record: ''}, '--record needs a folder'],
		[['course'], {topic: 'raft'}, '--topic does not apply to "course"'],
		[['course', 'extra'], {}, 'unexpected "extra" after "course"'],
	])('%j with %j is refused with one plain line, before anything is written', async (input, flags, message) => {
		const refused = main(input, flags);
		await expect(refused).rejects.toThrow(UsageError);
		await expect(refused).rejects.toThrow(message);
		expect(readdirSync(folder)).not.toContain('x');
	});
});
