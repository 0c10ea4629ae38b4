/** The faults a replica can be given, each with the key that injects it. */
export const faultTypes = ['skip', 'flaky', 'corrupt', 'crash', 'lag', 'reorder', 'nondet'] as const;
export type FaultType = (typeof faultTypes)[number];

export const faultInfo: Readonly<Record<FaultType, {key: string; teaches: string}>> = {
	skip: {key: 's', teaches: 'skips the next transition: the course’s faulty machine'},
	flaky: {key: 'f', teaches: 'skips each transition with probability 0.3'},
	corrupt: {key: 'c', teaches: 'the state is silently altered'},
	crash: {key: 'x', teaches: 'stops applying inputs; repair replays what it missed'},
	lag: {key: 'l', teaches: 'applies inputs 3 behind the others: late is not wrong'},
	reorder: {key: 'o', teaches: 'receives each pair of inputs swapped: why total order matters'},
	nondet: {key: 'n', teaches: 'reads the clock while applying an input: diverges with no fault in its inputs'},
};

export const flakyProbability = 0.3;
export const lagDistance = 3;
/** A non-deterministic replica's simulated clock reads 0 to this many milliseconds minus one. */
export const clockRange = 1000;

export function isFaultType(name: string): name is FaultType {
	return (faultTypes as readonly string[]).includes(name);
}

export function faultForKey(key: string): FaultType | undefined {
	return faultTypes.find(type => faultInfo[type].key === key);
}

/** A fault to inject into replica `replica` (0-based) just before input `atIndex` arrives. */
export type ScheduledFault = {readonly replica: number; readonly type: FaultType; readonly atIndex: number};

/**
 * Parses `R:TYPE[@INDEX]`, e.g. `2:skip@10`. Returns an error message for bad
 * specs; `replicas` is how many replicas the run has.
 */
export function parseFaultSpec(spec: string, replicas: number): ScheduledFault | string {
	const match = /^R?(\d+):([a-z]+)(?:@(\d+))?$/i.exec(spec.trim());
	if (!match) return `bad --fault "${spec}": expected REPLICA:TYPE[@INDEX], e.g. 2:skip@10`;
	const [, replicaText, typeText, indexText] = match;
	const replica = Number(replicaText);
	const type = typeText!.toLowerCase();
	if (!isFaultType(type)) return `unknown fault "${typeText}" in --fault "${spec}": choose one of ${faultTypes.join(', ')}`;
	if (replica < 1 || replica > replicas) {
		return `--fault "${spec}" names R${replica}, but there ${replicas === 1 ? 'is only R1' : `are ${replicas} replicas (R1…R${replicas})`}`;
	}

	const atIndex = indexText === undefined ? 0 : Number(indexText);
	if (indexText !== undefined && atIndex < 1) return `--fault "${spec}": the input index starts at 1`;
	return {replica: replica - 1, type, atIndex};
}
