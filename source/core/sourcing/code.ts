/**
 * The code deployed: a version of the business rules, whether v1's bug is
 * fixed, and whether the logic reads values that were not captured in the
 * command (the clock, a random number) instead of the ones stamped into it.
 */
export type Version = 1 | 2;

export type Rules = {
	/** The lowest balance a withdrawal or transfer may leave. */
	readonly overdraftLimit: number;
	/** Interest per day on a positive balance, in percent. */
	readonly interestPercent: number;
};

export const rulesOf: Readonly<Record<Version, Rules>> = {
	1: {overdraftLimit: 0, interestPercent: 2},
	2: {overdraftLimit: -50, interestPercent: 3},
};

export type Code = {
	readonly version: Version;
	/** v1's bug: a rejected transfer still credits the payee. Fixed in v1.1 (and v2.1). */
	readonly bugFixed: boolean;
	/** The logic reads the clock instead of the time stamped into the command. */
	readonly readsClock: boolean;
	/** The logic draws its own random number instead of the one stamped into the command. */
	readonly readsRandom: boolean;
};

export const firstCode: Code = {version: 1, bugFixed: false, readsClock: false, readsRandom: false};

/** "v1", "v2", or "v1.1"/"v2.1" once the bug is fixed. */
export function versionLabel(code: Code): string {
	return `v${code.version}${code.bugFixed ? '.1' : ''}`;
}

/** Everything that decides what the logic does: two runs with the same key over the same commands agree unless the logic reads something uncaptured. */
export function codeKey(code: Code): string {
	return `${versionLabel(code)}${code.readsClock ? '+clock' : ''}${code.readsRandom ? '+random' : ''}`;
}

/** "overdraft to −50, interest 3%/day". */
export function describeRules(version: Version): string {
	const rules = rulesOf[version];
	const limit = rules.overdraftLimit === 0 ? 'no overdraft' : `overdraft to −${-rules.overdraftLimit}`;
	return `${limit}, interest ${rules.interestPercent}%/day`;
}

/** What the logic reads for time and chance: "stamped time" or "reads the clock ⚠", and so on. */
export function describeInputs(code: Code): string {
	const time = code.readsClock ? 'reads the clock ⚠' : 'time stamped ✓';
	const chance = code.readsRandom ? 'draws random ⚠' : '';
	return [time, chance].filter(Boolean).join(' · ');
}
