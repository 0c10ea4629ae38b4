// Backports a one-line fix from Ink 7 to Ink 6.8 (Ink 7 needs Node 22).
// Ink 6.8's incremental renderer moves the cursor up one row too few when the
// frame ends with a newline (always, unless it fills the screen), so every
// frame lands one row lower and the screen scrolls. Idempotent; fails loudly if
// the installed Ink is not the code this patch was written for.
import {readFileSync, writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import path from 'node:path';

// import.meta.resolve finds Ink's entry point (build/index.js) without reading its exports map.
const file = path.join(path.dirname(fileURLToPath(import.meta.resolve('ink'))), 'log-update.js');
const broken = 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));';
const fixed = 'buffer.push(ansiEscapes.cursorUp(previousLines.length - 1));';
const source = readFileSync(file, 'utf8');
if (source.includes(broken)) {
	writeFileSync(file, source.replace(broken, fixed));
	console.log('patched Ink incremental rendering (cursor row fix from Ink 7)');
} else if (!source.includes(fixed)) {
	console.error(`scripts/patch-ink.mjs: ${file} is not the Ink 6.8 code this patch expects`);
	process.exit(1);
}
