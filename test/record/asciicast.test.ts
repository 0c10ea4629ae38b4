import {describe, expect, test} from 'vitest';
import {parseCast, serializeCast, type Cast} from '../../source/record/asciicast.js';

const cast: Cast = {
	width: 80,
	height: 24,
	events: [[0, 'o', '\u001B[31m✓ ok\u001B[0m\r\n'], [0.123_456_78, 'o', 'second "quoted"'], [1.5, 'o', '']],
};

describe('asciicast', () => {
	test('serializes a fixed header and one line per event, times rounded to microseconds', () => {
		expect(serializeCast(cast)).toBe([
			'{"version":2,"width":80,"height":24}',
			String.raw`[0,"o","\u001b[31m✓ ok\u001b[0m\r\n"]`,
			String.raw`[0.123457,"o","second \"quoted\""]`,
			'[1.5,"o",""]',
			'',
		].join('\n'));
	});

	test('round-trips', () => {
		const parsed = parseCast(serializeCast(cast));
		expect(parsed).toEqual({...cast, events: cast.events.map(([time, type, data]) => [Math.round(time * 1e6) / 1e6, type, data])});
		expect(serializeCast(parsed)).toBe(serializeCast(cast));
	});

	test('keeps only what was shown: input, marker and resize events of a live recording are read and left out', () => {
		const live = ['{"version":2,"width":80,"height":24,"timestamp":1700000000,"env":{"TERM":"xterm-256color"}}', '[0.1,"o","a"]', '[0.2,"i","s"]', '[0.3,"m","chapter"]', '[0.4,"r","100x30"]', '[0.5,"o","b"]'].join('\n');
		expect(parseCast(live)).toEqual({width: 80, height: 24, events: [[0.1, 'o', 'a'], [0.5, 'o', 'b']]});
		expect(() => parseCast(`${live}\n[0.45,"i","x"]`)).toThrow(/line 7 goes back in time/);
	});

	test('accepts headers with extra keys, CRLF line ends and no events', () => {
		expect(parseCast('{"version":2,"width":3,"height":2,"timestamp":1,"env":{}}\r\n')).toEqual({width: 3, height: 2, events: []});
	});

	test.each([
		['', /empty/],
		['not json', /line 1 is not valid JSON/],
		['[2, 80, 24]', /header must be a JSON object/],
		['{"version":1,"width":80,"height":24}', /version must be 2/],
		['{"version":2,"width":0,"height":24}', /positive integers/],
		['{"version":2,"width":80,"height":2.5}', /positive integers/],
		['{"version":2,"width":80,"height":24}\n[0,"o"]', /line 2 must be \[time, type, data\]/],
		['{"version":2,"width":80,"height":24}\n[-1,"o","x"]', /line 2 has an invalid time/],
		['{"version":2,"width":80,"height":24}\n[1,"o","x"]\n[0.5,"o","y"]', /line 3 goes back in time/],
		['{"version":2,"width":80,"height":24}\n[0,7,"x"]', /line 2 has an invalid event type/],
		['{"version":2,"width":80,"height":24}\n[0,"o",42]', /non-string data/],
		['{"version":2,"width":80,"height":24}\n[0,"o",', /line 2 is not valid JSON/],
	])('rejects %j', (text, message) => {
		expect(() => parseCast(text)).toThrow(message);
	});
});
