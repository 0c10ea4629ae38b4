/**
 * A pause point, played with no presenter (`record`, `run`, `check`): time
 * stands still there, as a recorded GIF holds a frame, so a claim before it is
 * judged where it stands, not after what later time would bring; after it the
 * stream goes on as it was.
 */
import {describe, expect, test} from 'vitest';
import {checkScenarios} from '../../source/commands/check.js';
import {driveScenario} from '../../source/scenario/drive.js';
import {parseScenario} from '../../source/scenario/parse.js';

const text = 'description d\nrate 2\npaused\ncaption Two inputs so far.\nkeys space\nwait 1s\nexpect at #2\npause 3s\ncaption The stream runs on.\nwait 1s\nexpect at #4\n';

describe('a pause point without a presenter', () => {
	test('holds the running stream for its time: the claim before it holds where it stands, and the stream runs on after it', async () => {
		const {claims, session, ms} = await driveScenario(parseScenario(text, 'pause.scenario'));
		expect(claims.map(claim => [claim.text, claim.failure, claim.position])).toEqual([
			['at #2', undefined, '#2'],
			['at #4', undefined, '#4'],
		]);
		// The 3 s the pause holds are in the recording's length, but no input arrived during them.
		expect(ms).toBe(400 + 1000 + 3000 + 1000);
		expect(session.sim.index).toBe(4);
	});

	test('check passes it', async () => {
		const {ok, text: report} = await checkScenarios([parseScenario(text, 'pause.scenario')]);
		expect(report).toBe('✓ pause.scenario: 2 of 2 claims hold');
		expect(ok).toBe(true);
	});
});
