import {useEffect, useRef} from 'react';
import {msUntilNextEvent, type Session} from '../core/engine/session.js';

/** A frame is at most this often, however fast the events come: faster speeds batch events into one update. */
export const frameMs = 33;

/**
 * The one ticker: while running it sleeps until the next event is due and
 * reports the time that really passed since the last tick (so a speed change
 * keeps the time already waited); while paused, or with nothing pending, it
 * runs no timer at all. While a scenario's timeline owns the time (`idle`), it
 * runs none either.
 */
export function useTicker(session: Session, onTick: (ms: number) => void, idle = false): void {
	const {speed, clock} = session;
	const paused = session.paused || idle;
	const lastTick = useRef<number | undefined>(undefined);
	const due = msUntilNextEvent(session);
	useEffect(() => {
		if (paused || due === undefined) {
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
			Math.max(frameMs - waited, due - waited, 0),
		);
		return () => {
			clearTimeout(timer);
		};
		// Re-arm after each event, on pause and on a speed change; other updates leave the timer alone.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [paused, speed, clock, session.sim, due === undefined]);
}
