// Small fixes to Ink 6.8, applied on npm install (Ink 7 needs Node 22). Each
// patch is idempotent and fails loudly if Ink's code is not what it expects.
//
// 1. Backport from Ink 7: the incremental renderer moved the cursor up one row
//    too few when the frame ends with a newline (always, unless it fills the
//    screen), so every frame landed one row lower and the screen scrolled.
// 2. and 3. Ink caches the size and the wrapping of every text it has ever
//    measured, in module-level maps that never shrink: a dashboard that redraws
//    changing text grows by ~18 KB a frame (about 130 MB over an hour at 2
//    inputs/s). The caches are bounded here: cleared when they hold 1,000 texts.
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

// import.meta.resolve finds Ink's entry point (build/index.js) without reading its exports map.
const build = path.dirname(fileURLToPath(import.meta.resolve('ink')));

export const patches = [
	{
		file: 'log-update.js',
		from: 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));',
		to: 'buffer.push(ansiEscapes.cursorUp(previousLines.length - 1));',
	},
	{
		file: 'measure-text.js',
		from: '    cache.set(text, dimensions);',
		to: '    if (cache.size >= 1000) cache.clear(); // replica-tui: bounded\n    cache.set(text, dimensions);',
	},
	{
		file: 'wrap-text.js',
		from: 'const cache = {};',
		to: 'let cache = {}; let cacheSize = 0; // replica-tui: bounded',
	},
	{
		file: 'wrap-text.js',
		from: '    cache[cacheKey] = wrappedText;',
		to: '    if (++cacheSize > 1000) { cache = {}; cacheSize = 1; }\n    cache[cacheKey] = wrappedText;',
	},
];

export const inkBuild = build;

let applied = 0;
for (const {file, from, to} of patches) {
	const target = path.join(build, file);
	const source = readFileSync(target, 'utf8');
	if (source.includes(to)) continue;
	if (!source.includes(from)) {
		console.error(`scripts/patch-ink.mjs: ${target} is not the Ink 6.8 code this patch expects`);
		process.exit(1);
	}

	writeFileSync(target, source.replace(from, to));
	applied++;
}

if (applied > 0) console.log(`patched Ink 6.8: ${applied} change${applied === 1 ? '' : 's'} (see scripts/patch-ink.mjs)`);
