/** More than half of all replicas: ⌊N/2⌋+1. */
export function majorityOf(replicas: number): number {
	return Math.floor(replicas / 2) + 1;
}

/** How many faulty replicas a majority vote can outvote: ⌊(N−1)/2⌋. */
export function toleratedFaults(replicas: number): number {
	return Math.floor((replicas - 1) / 2);
}
