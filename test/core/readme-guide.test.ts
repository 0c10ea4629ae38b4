/**
 * Issue 19 item 6: the README is the guide (at most 300 lines) and each
 * mode's reference is a page under docs/. Every relative link in the README
 * and in docs/*.md resolves to a file (and a `#heading` to a heading of that
 * file), every docs page is linked from the README, the README's two commands
 * are the ones package.json and .ci/run use, and its example scenario holds.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, test} from 'vitest';
import {parseScenario} from '../../source/scenario/parse.js';
import {driveScenario} from '../../source/scenario/drive.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const readme = read('README.md');
const pages = readdirSync(path.join(root, 'docs')).filter(name => name.endsWith('.md')).map(name => `docs/${name}`);

/** The text outside fenced code blocks (a link or a heading in a code block is not one). */
function prose(text: string): string {
	return text.split(/^```.*$/m).filter((_, i) => i % 2 === 0).join('\n');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchor(heading: string): string {
	return heading.trim().toLowerCase().replaceAll(/[^\p{L}\p{N}\- ]/gu, '').replaceAll(' ', '-');
}

function anchors(text: string): Set<string> {
	return new Set([...prose(text).matchAll(/^#{1,6} (.+)$/gm)].map(match => anchor(match[1]!)));
}

/** Relative links `[text](target)` and `![alt](target)`, web addresses left out. */
function relativeLinks(text: string): string[] {
	return [...prose(text).matchAll(/\]\(([^)\s]+)\)/g)].map(match => match[1]!).filter(target => !/^[a-z]+:/.test(target));
}

describe('the README is the guide', () => {
	test('it has at most 300 lines', () => {
		expect(readme.split('\n').length).toBeLessThanOrEqual(300);
	});

	test.each(['README.md', ...pages])('every relative link in %s resolves to a file, and every #anchor to a heading there', file => {
		const broken = relativeLinks(read(file)).filter(target => {
			const [linked, hash] = target.split('#') as [string, string | undefined];
			const resolved = linked === '' ? file : path.posix.join(path.posix.dirname(file), linked);
			if (!existsSync(path.join(root, resolved))) return true;
			return hash !== undefined && !anchors(read(resolved)).has(hash);
		});
		expect(broken).toEqual([]);
	});

	test('every docs page is linked from the README, the mode pages from the table of modes', () => {
		const linked = new Set(relativeLinks(readme).map(target => target.split('#')[0]));
		expect(pages.filter(page => !linked.has(page))).toEqual([]);
		const table = readme.slice(readme.indexOf('## The modes'), readme.indexOf('\n## ', readme.indexOf('## The modes') + 1));
		const rows = table.split('\n').filter(line => line.startsWith('| `replica-tui'));
		for (const row of rows) {
			const mode = /^\| `replica-tui ?([a-z]*)/.exec(row)![1] || 'voting';
			expect(row, mode).toContain(`(docs/${mode}.md)`);
		}

		expect(rows.length).toBeGreaterThanOrEqual(5);
	});

	test('the two commands are what package.json and .ci/run run', () => {
		const section = readme.slice(readme.indexOf('## Two commands'));
		const [start, tests] = /```sh\n([^\n]*)\n([^\n]*)\n```/.exec(section)!.slice(1) as [string, string];
		const scripts = (JSON.parse(read('package.json')) as {scripts: Record<string, string>}).scripts;
		// Installing builds the app (prepare), and npm start runs what it built.
		expect(start).toMatch(/^npm install && npm start -- /);
		expect(scripts['prepare']).toBe('tsc');
		expect(scripts['start']).toBe('node dist/cli.js');
		// The suite: the README's command is the last thing CI runs.
		expect(tests.split('#')[0]!.trim()).toBe('npm test');
		expect(read('.ci/run').trim().split('\n').at(-1)).toBe('npm test');
	});

	test('the README’s example scenario is valid and every claim in it holds', async () => {
		const section = readme.slice(readme.indexOf('## Scenarios'));
		const text = /```\n(description [^`]*)```/.exec(section)![1]!;
		const {claims} = await driveScenario(parseScenario(text, 'README.md'));
		expect(claims.length).toBeGreaterThanOrEqual(3);
		expect(claims.filter(claim => claim.failure !== undefined)).toEqual([]);
	});
});
