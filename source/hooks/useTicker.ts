import {useEffect} from 'react';
import {msUntilNextInput, type Session} from '../core/session.js';

/** A frame is at most this often, however fast the inputs come: faster rates batch inputs into one update. */
export const frameMs = 33;

/**
 * The one ticker: while running it sleeps until the next input is due and
 * reports the time that really passed; while paused it runs no timer at all.
 */
export function useTicker(session: Session, onTick: (ms: number) => void): void {
	const {paused, rate} = session;
	const {index} = session.sim;
	useEffect(() => {
		if (paused) return;
		const started = performance.now();
		const timer = setTimeout(() => {
			onTick(Math.min(1000, performance.now() - started));
		}, Math.max(frameMs, msUntilNextInput(session)));
		return () => {
			clearTimeout(timer);
		};
		// Re-arm after each input, on pause and on a speed change; other updates leave the timer alone.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [paused, rate, index, session.carryMs]);
}
