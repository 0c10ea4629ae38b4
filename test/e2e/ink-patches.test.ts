import {readFileSync} from 'node:fs';
import path from 'node:path';
import {expect, test} from 'vitest';
// Importing the script applies the patches again, which must be a no-op once installed.
import {inkBuild, patches} from '../../scripts/patch-ink.mjs';

test.each(patches.map(patch => [patch.file, patch] as const))('npm install left Ink patched: %s', (_file, patch) => {
	const source = readFileSync(path.join(inkBuild, patch.file), 'utf8');
	expect(source, 'run npm install (postinstall runs scripts/patch-ink.mjs)').toContain(patch.to);
});
