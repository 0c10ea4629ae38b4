/**
 * Raft's five safety properties (the paper's Figure 3), each with the short
 * code its lamp shows in the header.
 */
export const propertyCodes = ['ES', 'LA', 'LM', 'LC', 'SM'] as const;
export type PropertyCode = (typeof propertyCodes)[number];

export const propertyNames: Readonly<Record<PropertyCode, string>> = {
	ES: 'Election Safety',
	LA: 'Leader Append-Only',
	LM: 'Log Matching',
	LC: 'Leader Completeness',
	SM: 'State Machine Safety',
};

/** Each property in one sentence, as the paper states it. */
export const propertyRules: Readonly<Record<PropertyCode, string>> = {
	ES: 'at most one leader can be elected in a given term',
	LA: 'a leader never overwrites or deletes entries in its log; it only appends new entries',
	LM: 'if two logs contain an entry with the same index and term, the logs are identical in all entries up through that index',
	LC: 'if a log entry is committed in a given term, that entry is present in the logs of the leaders of every higher-numbered term',
	SM: 'if a server has applied a log entry at a given index, no other server ever applies a different log entry for the same index',
};

export function parsePropertyCode(word: string): PropertyCode | undefined {
	const upper = word.toUpperCase();
	return (propertyCodes as readonly string[]).includes(upper) ? (upper as PropertyCode) : undefined;
}

/** A property seen broken: where, when, who, and the counterexample in words. */
export type Violation = {
	readonly property: PropertyCode;
	/** The event (count) whose handling broke it, its virtual time, and what that event was, in words. */
	readonly event: number;
	readonly time: number;
	readonly cause: string;
	/** The servers the counterexample names (their columns are marked). */
	readonly servers: readonly number[];
	/** The log index the counterexample is about (its row is marked), if any. */
	readonly index?: number;
	readonly term?: number;
	/** The counterexample in words, without the property's name. */
	readonly text: string;
};

/** "✗ SM State Machine Safety: S1 applied t2 at index 2, S5 applies t3 (event 1234)"; `short` leaves out the property's name. */
export function violationLine(violation: Violation, short = false): string {
	return `✗ ${violation.property}${short ? '' : ` ${propertyNames[violation.property]}`}: ${violation.text} (event ${violation.event})`;
}
