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
// 10. to 12. Ink then builds every row of the frame afresh, cell by cell, and
//    turns each back into a string with a style diff per cell (most of a
//    frame's time at 120×40). Blank cells are one shared object; a row whose
//    cells are the very same objects as in the last frame (they come from the
//    cache above) reuses last frame's string; and the others diff styles only
//    where they change. The strings are the same as before, byte for byte.
// 13. and 14. Ink's incremental renderer rewrites a changed row whole, and
//    moves down one row at a time past unchanged ones: most of what an input
//    writes was already on the screen ("▶ RUNNING #41" → "#42" rewrote the
//    whole header). A changed row is written from just after the last space
//    before its first changed cell, and a run of moves down is one move.
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

/** Ink's incremental renderer writes only the changed part of a row, and moves down past unchanged rows in one go. */
const changedPart = `import ansiEscapes from 'ansi-escapes';
import widestLine from './replica-tui-widest-line.js';
// replica-tui: see scripts/patch-ink.mjs.
/** Where the escape sequence starting at \`at\` ends (CSI, such as colours, or OSC, such as links). */
function escapeEnd(text, at) {
	if (text[at + 1] === ']') {
		const bell = text.indexOf('\\u0007', at);
		const st = text.indexOf('\\u001B\\\\', at + 1);
		const end = Math.min(bell === -1 ? Infinity : bell + 1, st === -1 ? Infinity : st + 2);
		return end === Infinity ? text.length : end;
	}

	let end = at + 2;
	while (end < text.length && !/[@-~]/.test(text[end])) end++;
	return end + 1;
}

/**
 * The escapes that turn row \`previous\` on the screen into \`next\`: from just after
 * the last space before the first difference, with the escapes met before it
 * (they set the style there; every row starts and ends in no style), or whole.
 */
export function rowChange(previous, next) {
	const whole = ansiEscapes.cursorTo(0) + next;
	if (previous === undefined || previous.length === 0) return whole;
	let differ = 0;
	while (differ < next.length && next[differ] === previous[differ]) differ++;
	let from = 0;
	let cells = '';
	let escapes = '';
	let fromCells = '';
	let fromEscapes = '';
	for (let i = 0; i < differ; ) {
		if (next[i] === '\\u001B') {
			const end = escapeEnd(next, i);
			escapes += next.slice(i, end);
			i = end;
			continue;
		}

		cells += next[i];
		// After a space, so that nothing is split from what follows it (a combining mark is not a cell of its own).
		if (next[i] === ' ' && (i + 1 === next.length || next[i + 1] === '\\u001B' || widestLine(next[i + 1]) > 0)) {
			from = i + 1;
			fromCells = cells;
			fromEscapes = escapes;
		}

		i++;
	}

	return from === 0 ? whole : ansiEscapes.cursorTo(widestLine(fromCells)) + fromEscapes + next.slice(from);
}

/** \`text\` with each run of moves to the next line made one move of as many lines. */
export function joinMovesDown(text) {
	return text.replace(/(?:\\u001B\\[E){2,}/g, run => \`\\u001B[\${run.length / 3}E\`);
}
`;

const helpers = {'replica-tui-widest-line.js': fastWidestLine, 'replica-tui-row-change.js': changedPart};

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
		file: 'output.js',
		from: "                row.push({\n                    type: 'char',\n                    value: ' ',\n                    fullWidth: false,\n                    styles: [],\n                });",
		to: '                row.push(blankCell); // replica-tui: shared',
	},
	{
		file: 'output.js',
		from: "import { styledCharsFromTokens, styledCharsToString, tokenize, } from '@alcalzone/ansi-tokenize';",
		to: `import { ansiCodesToString, diffAnsiCodes, styledCharsFromTokens, tokenize, } from '@alcalzone/ansi-tokenize';
const blankCell = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) }); // replica-tui
/** replica-tui: cells of the same style need no escape codes between them (diffAnsiCodes would find none). */
function sameStyles(a, b) {
    if (a === b) return true;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;
    return true;
}
/** replica-tui: styledCharsToString(cells).trimEnd(), diffing styles only where they change. */
function rowText(cells) {
    let text = '';
    let styles = [];
    for (const cell of cells) {
        if (!sameStyles(styles, cell.styles)) text += ansiCodesToString(diffAnsiCodes(styles, cell.styles));
        styles = cell.styles;
        text += cell.value;
    }
    return (text + ansiCodesToString(diffAnsiCodes(styles, []))).trimEnd();
}
const lastRows = []; // replica-tui: each row's cells and text in the last frame
/** replica-tui: a row made of the very same cells as last frame (from the styled-line cache) has the same text. */
function rowString(y, cells) {
    const last = lastRows[y];
    if (last !== undefined && last.cells.length === cells.length) {
        let same = true;
        for (let x = 0; same && x < cells.length; x++) same = last.cells[x] === cells[x];
        if (same) return last.text;
    }
    const text = rowText(cells);
    lastRows[y] = { cells, text };
    return text;
}`,
	},
	{
		file: 'output.js',
		from: '            .map(line => {\n            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742\n            const lineWithoutEmptyItems = line.filter(item => item !== undefined);\n            return styledCharsToString(lineWithoutEmptyItems).trimEnd();',
		to: '            .map((line, y) => {\n            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742\n            const lineWithoutEmptyItems = line.filter(item => item !== undefined);\n            return rowString(y, lineWithoutEmptyItems); // replica-tui: unchanged rows reuse their string',
	},
	{
		file: 'log-update.js',
		from: "import cliCursor from 'cli-cursor';",
		to: "import cliCursor from 'cli-cursor';\nimport { joinMovesDown, rowChange } from './replica-tui-row-change.js';",
	},
	{
		file: 'log-update.js',
		from: '            buffer.push(ansiEscapes.cursorTo(0) +\n                nextLines[i] +',
		to: '            buffer.push(rowChange(previousLines[i], nextLines[i]) + // replica-tui: only what changed',
	},
	{
		file: 'log-update.js',
		from: "        stream.write(buffer.join(''));",
		to: "        stream.write(joinMovesDown(buffer.join(''))); // replica-tui: one move down past unchanged rows",
	},
	{
		file: 'hooks/use-input.js',
		from: "            else if (keypress.ctrl) {\n                input = keypress.name;",
		to: "            else if (keypress.ctrl) {\n                input = keypress.name ?? ''; // replica-tui: an unnamed Ctrl sequence",
	},
];

export const inkBuild = build;

let applied = 0;
for (const [name, text] of Object.entries(helpers)) {
	const helper = path.join(build, name);
	if (!existsSync(helper) || readFileSync(helper, 'utf8') !== text) {
		writeFileSync(helper, text);
		applied++;
	}
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
