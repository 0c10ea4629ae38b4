import type {Cast, CastEvent} from './asciicast.js';
import type {TextFrame} from './scenario-frames.js';

const hideCursor = '\u001B[?25l';
const clearScreen = '\u001B[H\u001B[2J';
const eraseLineEnd = '\u001B[K';
const showCursor = '\u001B[?25h';

/** Frames as terminal output: the first in full, then only the lines that changed. */
export function framesToCast(frames: readonly TextFrame[], width: number, height: number): Cast {
	const events: CastEvent[] = [];
	let previous: string[] = [];
	for (const frame of frames) {
		const lines = frame.text.split('\n');
		let data = events.length === 0 ? hideCursor + clearScreen : '';
		const count = Math.max(lines.length, previous.length);
		for (let row = 0; row < count; row++) {
			const line = lines[row] ?? '';
			if (events.length > 0 && line === previous[row]) continue;
			data += `\u001B[${row + 1};1H${line}${eraseLineEnd}`;
		}

		previous = lines;
		const isLast = frame === frames.at(-1);
		// At the end the cursor shows again on the row under the screen, so a shell prompt after playback overwrites nothing.
		if (isLast) data += `\u001B[${lines.length + 1};1H${showCursor}`;
		if (data !== '' || isLast) events.push([frame.time, 'o', data]);
	}

	return {width, height, events};
}
