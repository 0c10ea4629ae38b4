// Asciicast v2 (https://docs.asciinema.org/manual/asciicast/v2/), output events only.

export type CastEvent = [time: number, type: 'o', data: string];

export interface Cast {
	width: number;
	height: number;
	events: CastEvent[];
}

const roundMicro = (seconds: number): number => Math.round(seconds * 1e6) / 1e6;

/** Header keys in a fixed order and no timestamp or env, so the same cast gives the same bytes. */
export function serializeCast(cast: Cast): string {
	const header = JSON.stringify({version: 2, width: cast.width, height: cast.height});
	const lines = cast.events.map(([time, type, data]) => JSON.stringify([roundMicro(time), type, data]));
	return [header, ...lines].join('\n') + '\n';
}

const isPositiveInt = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;

function parseLine(line: string, lineNumber: number): unknown {
	try {
		return JSON.parse(line);
	} catch {
		throw new Error(`cast line ${lineNumber} is not valid JSON`);
	}
}

export function parseCast(text: string): Cast {
	const lines = text.split('\n').map(line => line.replace(/\r$/, ''));
	while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
	if (lines.length === 0) throw new Error('cast is empty');

	const header = parseLine(lines[0], 1) as Record<string, unknown> | null;
	if (header === null || typeof header !== 'object' || Array.isArray(header)) {
		throw new Error('cast header must be a JSON object');
	}
	if (header['version'] !== 2) throw new Error(`cast version must be 2, got ${JSON.stringify(header['version'])}`);
	const {width, height} = header;
	if (!isPositiveInt(width) || !isPositiveInt(height)) {
		throw new Error('cast width and height must be positive integers');
	}

	const events: CastEvent[] = [];
	let previous = 0;
	for (let index = 1; index < lines.length; index++) {
		const lineNumber = index + 1;
		const event = parseLine(lines[index], lineNumber);
		if (!Array.isArray(event) || event.length !== 3) {
			throw new Error(`cast line ${lineNumber} must be [time, type, data]`);
		}
		const [time, type, data] = event as unknown[];
		if (typeof time !== 'number' || !Number.isFinite(time) || time < 0) {
			throw new Error(`cast line ${lineNumber} has an invalid time`);
		}
		if (time < previous) throw new Error(`cast line ${lineNumber} goes back in time (${time} < ${previous})`);
		if (typeof type !== 'string') throw new Error(`cast line ${lineNumber} has an invalid event type`);
		if (typeof data !== 'string') throw new Error(`cast line ${lineNumber} has non-string data`);
		// Input ("i"), marker ("m") and resize ("r") events do not change what the screen shows: only output is drawn.
		if (type === 'o') events.push([time, 'o', data]);
		previous = time;
	}

	return {width, height, events};
}
