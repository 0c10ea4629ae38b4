import net from 'node:net';
import type {FaultState} from '../core/etcd/types.js';

/**
 * One small TCP proxy per member, in this process, between the members'
 * peer (raft) traffic. Member i advertises its proxy's port as its peer URL
 * and listens on its real peer port; every other member reaches it through
 * the proxy. The proxy tells who is connecting from the first request's
 * `X-Server-From` header (or the /raft/stream/…/<id> path), so it can cut or
 * slow the link between any two members: that is how partitions and delays
 * are made, with nothing outside this process.
 */

/** One proxied connection. `from` is unknown until a request on it names its sender (a /version probe does not). */
type Link = {from: number | undefined; readonly to: number; readonly client: net.Socket; upstream?: net.Socket};

/** The first request's head is at most this long; beyond it the sender stays unknown. */
const headLimit = 16 * 1024;

export function linkCut(faults: FaultState, a: number, b: number): boolean {
	if (faults.partition.length === 0) return false;
	const groupOf = (member: number) => faults.partition.findIndex(group => group.includes(member));
	return groupOf(a) !== groupOf(b);
}

/** Extra latency on the link a↔b, in ms (the largest delay that applies). */
export function linkDelay(faults: FaultState, a: number, b: number): number {
	let ms = 0;
	for (const delay of faults.delays) {
		const touches = delay.b === undefined ? delay.a === a || delay.a === b : (delay.a === a && delay.b === b) || (delay.a === b && delay.b === a);
		if (touches) ms = Math.max(ms, delay.ms);
	}

	return ms;
}

/** The sender's member ID from an HTTP request head, if it says. */
export function senderOf(head: string): string | undefined {
	const header = /\r\nx-server-from:[ \t]*([0-9a-f]+)[ \t]*\r\n/i.exec(head);
	if (header) return header[1]!.toLowerCase();
	return /^[A-Z]+ \/raft\/stream\/[a-z0-9]+\/([0-9a-f]+)[ ?]/.exec(head)?.[1];
}

/** A new member's "am I already in a cluster?" ask: GET /members with no sender. */
export function isBootstrapCheck(head: string): boolean {
	return /^GET \/members[ ?]/.test(head) && senderOf(head) === undefined;
}

export class PeerProxyHub {
	private faults: FaultState = {partition: [], delays: []};
	private readonly links = new Set<Link>();
	private ids: readonly string[] = [];
	private realPorts: readonly number[] = [];
	/** Connections refused because their link is cut (for tests and the screen). */
	refused = 0;
	/**
	 * While a new cluster starts, each member first asks every peer (GET
	 * /members) whether it already belongs to a cluster. A peer that is itself
	 * starting accepts the connection but answers nothing, so every ask waits
	 * etcd's 1 s timeout: 4 s with 5 members spawned together. Until the
	 * cluster is ready the proxy ends those asks at once, which etcd takes as
	 * "that peer does not know me yet", true of a cluster that is new.
	 */
	refuseBootstrapChecks = true;
	/** How many such asks it ended. */
	bootstrapChecksRefused = 0;

	private constructor(private readonly servers: readonly net.Server[]) {}

	/** Opens one listening proxy per member on a free loopback port. */
	static async open(count: number): Promise<PeerProxyHub> {
		const servers: net.Server[] = [];
		try {
			for (let i = 0; i < count; i++) {
				const server = net.createServer();
				await new Promise<void>((resolve, reject) => {
					server.once('error', reject);
					server.listen({port: 0, host: '127.0.0.1'}, resolve);
				});
				servers.push(server);
			}
		} catch (error) {
			for (const server of servers) server.close();
			throw error;
		}

		const hub = new PeerProxyHub(servers);
		for (const [i, server] of servers.entries()) server.on('connection', socket => hub.accept(i, socket));
		return hub;
	}

	/** The port member i advertises to its peers. */
	port(i: number): number {
		return (this.servers[i]!.address() as net.AddressInfo).port;
	}

	/** Where each member really listens, and the member IDs (hex) to tell senders apart. */
	route(ids: readonly string[], realPorts: readonly number[]): void {
		this.ids = ids;
		this.realPorts = realPorts;
	}

	/** Applies a new partition and delays: links now cut lose their open connections at once. */
	setFaults(faults: FaultState): void {
		this.faults = faults;
		for (const link of this.links) {
			if (link.from !== undefined && linkCut(faults, link.from, link.to)) this.drop(link);
		}
	}

	get current(): FaultState {
		return this.faults;
	}

	close(): void {
		for (const link of this.links) this.drop(link);
		for (const server of this.servers) server.close();
	}

	private drop(link: Link): void {
		link.client.destroy();
		link.upstream?.destroy();
		this.links.delete(link);
	}

	private accept(to: number, client: net.Socket): void {
		client.setNoDelay(true);
		let head = Buffer.alloc(0);
		const onError = () => client.destroy();
		client.on('error', onError);
		const onData = (chunk: Buffer) => {
			head = Buffer.concat([head, chunk]);
			const text = head.toString('latin1');
			if (!text.includes('\r\n\r\n') && head.length < headLimit) return;
			client.off('data', onData);
			client.pause();
			if (this.refuseBootstrapChecks && isBootstrapCheck(text)) {
				this.bootstrapChecksRefused++;
				client.destroy();
				return;
			}

			const id = senderOf(text);
			const index = id === undefined ? -1 : this.ids.indexOf(id);
			this.connect(index < 0 ? undefined : index, to, client, head);
		};

		client.on('data', onData);
	}

	private connect(from: number | undefined, to: number, client: net.Socket, head: Buffer): void {
		if (from !== undefined && linkCut(this.faults, from, to)) {
			this.refused++;
			client.destroy();
			return;
		}

		const link: Link = {from, to, client};
		this.links.add(link);
		const upstream = net.connect({port: this.realPorts[to]!, host: '127.0.0.1'});
		link.upstream = upstream;
		upstream.setNoDelay(true);
		const close = () => this.drop(link);
		upstream.on('error', close);
		upstream.on('close', close);
		client.on('close', close);
		client.on('error', close);
		const delay = () => (link.from === undefined ? 0 : linkDelay(this.faults, link.from, to));
		// etcd reuses a keep-alive connection opened for a /members or /version probe for raft messages later:
		// until a connection's sender is known, every request on it is read for its X-Server-From.
		const admit = (chunk: Buffer) => {
			if (link.from !== undefined) return true;
			const id = senderOf(chunk.toString('latin1'));
			const index = id === undefined ? -1 : this.ids.indexOf(id);
			if (index < 0) return true;
			link.from = index;
			if (!linkCut(this.faults, index, to)) return true;
			this.refused++;
			this.drop(link);
			return false;
		};

		upstream.once('connect', () => {
			const toUpstream = forward(client, upstream, delay, admit);
			forward(upstream, client, delay);
			toUpstream(head);
			client.resume();
		});
	}
}

/**
 * Copies `from` to `to`, each chunk held back by the link's delay at the time
 * it arrives, in order. Returns the function that sends one chunk that way
 * (for bytes read before the copying began).
 */
function forward(from: net.Socket, to: net.Socket, delay: () => number, admit: (chunk: Buffer) => boolean = () => true): (chunk: Buffer) => void {
	const queue: Array<{readonly chunk: Buffer; readonly at: number}> = [];
	let timer: NodeJS.Timeout | undefined;
	let ended = false;
	const flush = () => {
		timer = undefined;
		const now = performance.now();
		while (queue.length > 0 && queue[0]!.at <= now + 0.5) {
			const {chunk} = queue.shift()!;
			if (!to.destroyed) to.write(chunk);
		}

		if (queue.length > 0) timer = setTimeout(flush, queue[0]!.at - now);
		else if (ended && !to.destroyed) to.end();
	};

	const send = (chunk: Buffer) => {
		const ms = delay();
		if (ms === 0 && queue.length === 0) {
			to.write(chunk);
			return;
		}

		const at = Math.max(performance.now() + ms, queue.at(-1)?.at ?? 0);
		queue.push({chunk, at});
		timer ??= setTimeout(flush, at - performance.now());
	};

	from.on('data', (chunk: Buffer) => {
		if (admit(chunk)) send(chunk);
	});
	from.on('end', () => {
		ended = true;
		if (queue.length === 0) to.end();
	});
	from.on('close', () => {
		if (timer) clearTimeout(timer);
	});
	return send;
}
