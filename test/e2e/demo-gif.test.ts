import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, expect, test} from 'vitest';
import {root} from './run.js';
import {runAsync} from './run-async.js';

const folder = mkdtempSync(path.join(tmpdir(), 'replica-tui-demo-'));
afterAll(() => rmSync(folder, {recursive: true, force: true}));

test('the committed demo.gif is what `npm run demo` produces', async () => {
	const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {scripts: Record<string, string>};
	const command = /node dist\/cli\.js (record \S+) -o demo\.gif$/.exec(pkg.scripts['demo'] ?? '');
	expect(command, `npm run demo should end with "node dist/cli.js record NAME -o demo.gif", not "${pkg.scripts['demo']}"`).not.toBeNull();
	const [verb, name] = command![1]!.split(' ');
	const fresh = path.join(folder, 'demo.gif');
	const result = await runAsync([verb!, name!, '-o', fresh]);
	expect(result.code, result.stderr).toBe(0);
	const committed = readFileSync(path.join(root, 'demo.gif'));
	const made = readFileSync(fresh);
	expect(
		committed.equals(made),
		`demo.gif (${committed.length} bytes) is not what \`npm run demo\` makes now (${made.length} bytes): run \`npm run demo\` and commit demo.gif`,
	).toBe(true);
}, 60_000);

test('the README shows demo.gif at the top', () => {
	const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
	const at = readme.search(/!\[[^\]]*\]\(\.?\/?demo\.gif\)/);
	expect(at, 'README.md has ![…](demo.gif)').toBeGreaterThanOrEqual(0);
	expect(readme.slice(0, at).split('\n').filter(line => line.startsWith('## ')), 'demo.gif comes before the first section').toEqual([]);
});
