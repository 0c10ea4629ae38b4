import {appendBounded} from '../engine/bounded.js';
import type {Message} from './events.js';
import {limits, type Outbox} from './state.js';

export const emptyOutbox: Outbox = {sent: 0, recent: []};

/** Counts `messages` as sent (or suppressed) and keeps the newest few to show. */
export function post(outbox: Outbox, messages: readonly Message[]): Outbox {
	if (messages.length === 0) return outbox;
	return {sent: outbox.sent + messages.length, recent: appendBounded(outbox.recent, messages, limits.messages)};
}

/** `labels` with `label` added at the end (once), keeping the newest few. */
export function withLabel(labels: readonly string[], label: string): readonly string[] {
	if (labels.at(-1) === label) return labels;
	return appendBounded(labels.filter(existing => existing !== label), [label], limits.labels);
}
