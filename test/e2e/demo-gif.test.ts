import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, expect, test} from 'vitest';
import {root} from './run.js';
import {runAsync} from './run-async.js';

const folder = mkdtempSync(path.join(tmpdir(), 'replica-tui-demo-'));
afterAll(() => rmSync(folder, {recursive: true, force: true}));

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {scripts: Record<string, string>};
const recordings = [...(pkg.scripts['demo'] ?? '').matchAll(/node dist\/cli\.js record (\S+) -o (\S+\.gif)/g)].map(match => ({name: match[1]!, file: match[2]!}));

test('npm run demo records demo.gif and the Raft mode\'s GIF, each from a bundled scenario', () => {
	expect(recordings.map(recording => recording.file)).toEqual(['demo.gif', 'docs/raft.gif']);
});

test.each(recordings)('the committed $file is what `npm run demo` produces (record $name)', async ({name, file}) => {
	const fresh = path.join(folder, path.basename(file));
	const result = await runAsync(['record', name, '-o', fresh]);
	expect(result.code, result.stderr).toBe(0);
	const committed = readFileSync(path.join(root, file));
	const made = readFileSync(fresh);
	expect(committed.equals(made), `${file} (${committed.length} bytes) is not what \`npm run demo\` makes now (${made.length} bytes): run \`npm run demo\` and commit it`).toBe(true);
}, 60_000);

test('the README shows demo.gif at the top', () => {
	const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
	const at = readme.search(/!\[[^\]]*\]\(\.?\/?demo\.gif\)/);
	expect(at, 'README.md has ![…](demo.gif)').toBeGreaterThanOrEqual(0);
	expect(readme.slice(0, at).split('\n').filter(line => line.startsWith('## ')), 'demo.gif comes before the first section').toEqual([]);
});
