/**
 * Lamps: one glyph and code a property a mode checks as it runs (✓ green,
 * ✗ red once broken), and a badge for the bugs switched on, in a few widths.
 */
import {seg, type Segment} from '../../engine/screen.js';

/** The lamps as segments, each after a space: " ✓ES ✗LM …". `broken`: the codes broken so far. */
export function lampSegments(codes: readonly string[], broken: Readonly<Record<string, unknown>>): Segment[] {
	const parts: Segment[] = [];
	for (const code of codes) {
		const red = broken[code] !== undefined;
		parts.push(seg(' '), red ? seg(`✗${code}`, 'bad', true) : seg(`✓${code}`, 'good'));
	}

	return parts;
}

/** "✓ES ✗LM …". */
export function lampsText(codes: readonly string[], broken: Readonly<Record<string, unknown>>): string {
	return codes.map(code => `${broken[code] === undefined ? '✓' : '✗'}${code}`).join(' ');
}

/** The bugs switched on, as a badge in three widths (widest first); '' when none is on. */
export function bugBadges(bugs: readonly string[]): [string, string, string] {
	if (bugs.length === 0) return ['', '', ''];
	if (bugs.length === 1) return [` ⚠ bug ${bugs[0]}`, ` ⚠${bugs[0]}`, ' ⚠bug'];
	return [` ⚠ bugs ${bugs.join(',')}`, ` ⚠${bugs.length} bugs`, ' ⚠bugs'];
}
