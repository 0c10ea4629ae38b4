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
// 4. and 5. Ink measures every line of every text with string-width, whose
//    Unicode segmentation is most of a frame's time. Lines made only of
//    characters one cell wide (the same set as source/core/engine/text.ts,
//    checked against string-width by test/ui/cell-width.test.ts) are measured
//    by their length instead.
// 9. A Ctrl+key sequence that parse-keypress cannot name (some raw bytes)
//    left useInput's input undefined, and Ink threw on it (found by
//    test/robustness/ink-fuzz.test.tsx): it is read as no input instead.
// 6. to 8. Ink turns every line of every frame into styled characters afresh:
//    its caches live one frame. They are kept across frames here (bounded),
//    so the lines that did not change since the last frame cost nothing.
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

// import.meta.resolve finds Ink's entry point (build/index.js) without reading its exports map.
const build = path.dirname(fileURLToPath(import.meta.resolve('ink')));

/** Ink's widest-line, with a fast path for lines of single-cell characters. */
const fastWidestLine = `import stringWidth from 'string-width';
// replica-tui: lines of single-cell characters are as wide as they are long (see scripts/patch-ink.mjs).
const singleCell = /^[\\u0020-\\u007E\\u00A0-\\u00AC\\u00AE-\\u02FF\\u0370-\\u0482\\u2010-\\u2027\\u2030-\\u205F\\u2190-\\u2319\\u231C-\\u2328\\u232B-\\u23E8\\u23F4-\\u25FC\\u25FF-\\u2613\\u2616-\\u262F\\u2638-\\u2647\\u2654-\\u267E\\u2680-\\u2689\\u2690-\\u2692\\u2694-\\u26A0\\u2706-\\u2709\\u270C-\\u2727\\u2729-\\u274B\\u2758-\\u2794\\u27C0-\\u27FF]*$/;
export default function widestLine(string) {
	let width = 0;
	for (const line of string.split('\\n')) {
		const lineWidth = singleCell.test(line) ? line.length : stringWidth(line);
		if (lineWidth > width) width = lineWidth;
	}

	return width;
}
`;

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
	{
		file: 'measure-text.js',
		from: "import widestLine from 'widest-line';",
		to: "import widestLine from './replica-tui-widest-line.js';",
	},
	{
		file: 'render-node-to-output.js',
		from: "import widestLine from 'widest-line';",
		to: "import widestLine from './replica-tui-widest-line.js';",
	},
	{
		file: 'output.js',
		from: '    caches = new OutputCaches();',
		to: '    caches = sharedCaches; // replica-tui: kept across frames',
	},
	{
		file: 'output.js',
		from: 'export default class Output {',
		to: 'const sharedCaches = new OutputCaches(); // replica-tui\nexport default class Output {',
	},
	{
		file: 'output.js',
		from: '            cached = styledCharsFromTokens(tokenize(line));',
		to: '            if (this.styledChars.size >= 500) { this.styledChars.clear(); this.widths.clear(); this.blockWidths.clear(); } // replica-tui: bounded\n            cached = styledCharsFromTokens(tokenize(line));',
	},
	{
		file: 'hooks/use-input.js',
		from: "            else if (keypress.ctrl) {\n                input = keypress.name;",
		to: "            else if (keypress.ctrl) {\n                input = keypress.name ?? ''; // replica-tui: an unnamed Ctrl sequence",
	},
];

export const inkBuild = build;

let applied = 0;
const helper = path.join(build, 'replica-tui-widest-line.js');
if (!existsSync(helper) || readFileSync(helper, 'utf8') !== fastWidestLine) {
	writeFileSync(helper, fastWidestLine);
	applied++;
}

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
