/**
 * The bundled order scenarios: each plays to its end through the mode, and
 * every caption is followed by `expect` lines that hold at that moment.
 */
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {fifo} from '../../../source/core/order/queries.js';
import {archIds} from '../../../source/core/order/types.js';
import {parseHeader, playScenario} from './play.js';

const folder = join(import.meta.dirname, '../../../scenarios');
const files = readdirSync(folder).filter(name => name.startsWith('order-') && name.endsWith('.scenario'));

describe('bundled order scenarios', () => {
	it('there are the four lessons', () => {
		const descriptions = files.map(name => /^description (.*)$/m.exec(readFileSync(join(folder, name), 'utf8'))?.[1]);
		expect(files.length).toBeGreaterThanOrEqual(4);
		expect(descriptions).toEqual(
			expect.arrayContaining([
				'Without an order, replicas fed the same inputs diverge',
				'A fixed sequencer orders every input, until it crashes',
				'Lamport timestamps need no leader, but wait for the slowest sender',
				"A consensus log orders the inputs and survives its leader's crash",
			]),
		);
	});

	for (const name of files) {
		describe(name, () => {
			const path = join(folder, name);
			const text = readFileSync(path, 'utf8');

			it('is an order scenario', () => {
				expect(text).toMatch(/^mode order$/m);
			});

			it('follows every caption with expect lines', () => {
				const {timeline} = parseHeader(text);
				let captionOpen = false;
				let claims = 0;
				const captions: number[] = [];
				for (const {line, words} of timeline) {
					if (words[0] === 'caption') {
						if (!captionOpen) {
							captionOpen = true;
							claims = 0;
							captions.push(line);
						}

						continue;
					}

					if (words[0] === 'expect') claims++;
					else if (captionOpen && words[0] !== 'keys') {
						expect(claims, `caption at line ${captions.at(-1)} needs expect lines right after it`).toBeGreaterThan(0);
						captionOpen = false;
					}
				}

				if (captionOpen) expect(claims, `caption at line ${captions.at(-1)} needs expect lines`).toBeGreaterThan(0);
				expect(captions.length).toBeGreaterThanOrEqual(3);
			});

			it('asserts the mechanism a caption names: the same inputs in other orders, FIFO kept or broken', () => {
				const played = playScenario(path);
				for (const {line, caption, state, claims} of played.moments) {
					const where = `${name}:${line} "${caption}"`;
					// "the same inputs … in other/different orders" needs two replicas that applied the same set, in another order, with other states.
					if (/same (?:\w+ )?inputs/i.test(caption) && /(?:other|different) orders?/i.test(caption)) {
						expect(claims.some(text => /^same-inputs \S+ \S+ \S+ differ$/.test(text)), `${where} needs "expect same-inputs P R1 R2 differ"`).toBe(true);
					}

					// "FIFO ✓" proves something only once every client has sent several inputs.
					if (caption.includes('FIFO ✓')) {
						const sent = state.clients.map(client => client.sent);
						expect(Math.min(...sent), `${where}: FIFO ✓ said when the clients have sent ${sent.join(', ')} inputs`).toBeGreaterThanOrEqual(2);
						expect(claims.some(text => text.startsWith('fifo ')), `${where} needs an "expect fifo …" line`).toBe(true);
					}

					// A FIFO break in a panel is never left on screen unexplained.
					for (const arch of archIds) {
						const kept = fifo(state, arch);
						if (!kept.kept) expect(caption, `${where}: the ${arch} panel shows ✗ FIFO ${kept.text}, and the caption does not say why`).toMatch(/FIFO/);
					}
				}
			});

			it('holds every claim', () => {
				const played = playScenario(path);
				expect(played.expectations.length).toBeGreaterThan(0);
				for (const claim of played.expectations) expect(claim.failure, `${name}:${claim.line} expect ${claim.text}`).toBeUndefined();
			});
		});
	}
});
