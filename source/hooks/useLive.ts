import {useEffect, useRef} from 'react';
import type {LiveConnection} from '../live/shell-mode.js';

/**
 * Connects a live mode: every observation replaces the state on screen, and
 * every action the keys queued is sent to the controller once, in order.
 */
export function useLive(live: LiveConnection | undefined, outbox: readonly unknown[], dispatch: (event: {observed: unknown}) => void): void {
	const sent = useRef(0);
	useEffect(() => {
		if (!live) return;
		return live.onChange(state => {
			dispatch({observed: state});
		});
	}, [live, dispatch]);
	useEffect(() => {
		if (!live) return;
		for (; sent.current < outbox.length; sent.current++) void live.perform(outbox[sent.current]);
	}, [live, outbox]);
}
