import {useCallback, useEffect, useRef} from 'react';
import {observationTimeoutMs, type LiveConnection} from '../live/shell-mode.js';
import {frameMs} from './useTicker.js';

/**
 * Connects a live mode: every observation replaces the state on screen, and
 * every action the keys (or a scenario) queued is sent to the controller once,
 * in order (each is sent at once: a slow one does not hold up the next). Returns `settle`: resolves once what was queued so far has been
 * carried out and the cluster has been observed since (a scenario's claims
 * are checked then).
 */
export function useLive(live: LiveConnection | undefined, outbox: readonly unknown[], dispatch: (event: {observed: unknown}) => void): () => Promise<void> {
	const sent = useRef(0);
	const queued = useRef(0);
	queued.current = outbox.length;
	const inFlight = useRef(new Set<Promise<unknown>>());
	const observers = useRef<Array<() => void>>([]);
	useEffect(() => {
		if (!live) return;
		return live.onChange(state => {
			dispatch({observed: state});
			const waiting = observers.current;
			observers.current = [];
			for (const resolve of waiting) resolve();
		});
	}, [live, dispatch]);
	useEffect(() => {
		if (!live) return;
		for (; sent.current < outbox.length; sent.current++) {
			const done = live.perform(outbox[sent.current]).catch(() => undefined);
			inFlight.current.add(done);
			void done.then(() => inFlight.current.delete(done));
		}
	}, [live, outbox]);
	return useCallback(async () => {
		const observed = async () =>
			Promise.race([
				new Promise<void>(resolve => {
					observers.current.push(resolve);
				}),
				new Promise<void>(resolve => {
					setTimeout(resolve, observationTimeoutMs).unref();
				}),
			]);
		// What was just dispatched reaches the outbox with the next render: let React get there.
		await new Promise(resolve => {
			setTimeout(resolve, frameMs);
		});
		while (sent.current < queued.current) await observed();
		await Promise.all(inFlight.current);
		// Two rounds: the first may have started before the last action was done.
		await observed();
		await observed();
	}, []);
}
