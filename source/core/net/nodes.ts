/**
 * How a mode names the nodes of its network. The network, its faults, its
 * menus and its drawings never name a node themselves: Raft's servers are
 * S1…Sn and its client "client"; Paxos's proposers P1… and acceptors A1…;
 * Aeron's members M0…. Ids are numbers; links join nodes 0…size-1 (other
 * ids, such as a client's, reach everyone and have no link settings).
 */
export type NodeNames = {
	/** A node's name, e.g. "S1", "client". */
	readonly name: (id: number) => string;
	/** The id a word names ("S2" → 1), or undefined; '*' and "client" are read by the callers that allow them. */
	readonly parse: (word: string) => number | undefined;
	/** How many nodes have links (0…size-1). */
	readonly size: number;
	/** What a linked node is called in messages to the user ("server", "acceptor", "member"). */
	readonly noun: string;
};

/** "S1 S2 S3". */
export function nameList(names: Pick<NodeNames, 'name'>, ids: readonly number[]): string {
	return ids.map(id => names.name(id)).join(' ');
}

/** "S1 S2 | S3 S4 S5". */
export function groupsText(names: Pick<NodeNames, 'name'>, groups: ReadonlyArray<readonly number[]>): string {
	return groups.map(group => nameList(names, group)).join(' | ');
}

/** "S1…S5": the range of names a word may take. */
export function nameRange(names: NodeNames): string {
	return `${names.name(0)}…${names.name(names.size - 1)}`;
}
