import {readFileSync} from 'node:fs';
import path from 'node:path';
import {expect, test} from 'vitest';
// Importing the script applies the patches again, which must be a no-op once installed.
import {inkBuild, patches} from '../../scripts/patch-ink.mjs';

test.each(patches.map(patch => [patch.file, patch] as const))('npm install left Ink patched: %s', (_file, patch) => {
	const source = readFileSync(path.join(inkBuild, patch.file), 'utf8');
	expect(source, 'run npm install (postinstall runs scripts/patch-ink.mjs)').toContain(patch.to);
});

test('Ink measures single-cell lines with the same set of characters as the app (source/core/engine/text.ts)', () => {
	const app = /const singleCell = (\/.*\/);/.exec(readFileSync(path.join(import.meta.dirname, '../../source/core/engine/text.ts'), 'utf8'))?.[1];
	const ink = /const singleCell = (\/.*\/);/.exec(readFileSync(path.join(inkBuild, 'replica-tui-widest-line.js'), 'utf8'))?.[1];
	expect(app).toBeDefined();
	expect(ink).toBe(app);
});

test('Ink keeps its styled-line caches across frames, and bounds them', async () => {
	const {default: Output} = (await import(path.join(inkBuild, 'output.js'))) as {default: new (options: {width: number; height: number}) => {caches: {styledChars: Map<string, unknown>}}};
	const first = new Output({width: 10, height: 1});
	expect(new Output({width: 10, height: 1}).caches).toBe(first.caches);
});

test('a Ctrl sequence parse-keypress cannot name reaches the app as no input (it used to throw)', async () => {
	const {default: parseKeypress} = (await import(path.join(inkBuild, 'parse-keypress.js'))) as {default: (s: string) => {ctrl: boolean; name?: string}};
	// Ctrl+F10's neighbour: a CSI code with the Ctrl modifier that names no key.
	const unnamed = parseKeypress('\u001B[9;5~');
	expect(unnamed).toMatchObject({ctrl: true});
	expect(unnamed.name).toBeUndefined();
	const source = readFileSync(path.join(inkBuild, 'hooks/use-input.js'), 'utf8');
	expect(source).toContain("input = keypress.name ?? '';");
});

test('Ink rewrites a changed row from after the last space before its first change, and moves past unchanged rows in one go', async () => {
	const {rowChange, joinMovesDown} = (await import(path.join(inkBuild, 'replica-tui-row-change.js'))) as {rowChange: (previous: string | undefined, next: string) => string; joinMovesDown: (text: string) => string};
	expect(rowChange(' ‖ PAUSED #41', ' ‖ PAUSED #42')).toBe('\u001B[11G#42');
	expect(rowChange('abc', 'xyz')).toBe('\u001B[1Gxyz');
	expect(rowChange(undefined, 'xyz')).toBe('\u001B[1Gxyz');
	// The part rewritten opens its own style: the terminal is left with none at the end of every row.
	expect(rowChange('a \u001B[1mbold x\u001B[22m', 'a \u001B[1mbold y\u001B[22m')).toBe('\u001B[8G\u001B[1my\u001B[22m');
	// Wide characters before the change count two cells.
	expect(rowChange('漢 a', '漢 b')).toBe('\u001B[4Gb');
	expect(joinMovesDown('\u001B[E\u001B[E\u001B[Ex\u001B[E')).toBe('\u001B[3Ex\u001B[E');
});
