import {useEffect, useRef} from 'react';
import {msUntilNextInput, type Session} from '../core/session.js';

/** A frame is at most this often, however fast the inputs come: faster rates batch inputs into one update. */
export const frameMs = 33;

/**
 * The one ticker: while running it sleeps until the next input is due and
 * reports the time that really passed since the last tick (so a speed change
 * keeps the time already waited); while paused it runs no timer at all.
 */
export function useTicker(session: Session, onTick: (ms: number) => void): void {
	const {paused, rate} = session;
	const {index} = session.sim;
	const lastTick = useRef<number | undefined>(undefined);
	useEffect(() => {
		if (paused) {
			lastTick.current = undefined;
			return;
		}

		lastTick.current ??= performance.now();
		const waited = performance.now() - lastTick.current;
		const timer = setTimeout(
			() => {
				const now = performance.now();
				const elapsed = now - (lastTick.current ?? now);
				lastTick.current = now;
				onTick(Math.min(1000, elapsed));
			},
			Math.max(frameMs - waited, msUntilNextInput(session) - waited, 0),
		);
		return () => {
			clearTimeout(timer);
		};
		// Re-arm after each input, on pause and on a speed change; other updates leave the timer alone.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [paused, rate, index, session.carryMs]);
}
