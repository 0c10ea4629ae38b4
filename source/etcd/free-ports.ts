import {randomInt} from 'node:crypto';
import {readFileSync} from 'node:fs';
import net from 'node:net';

/** etcd's own defaults (2379 client, 2380 peer) and their neighbours: a system etcd.service may hold them. */
const avoided = (port: number) => port >= 2370 && port <= 2390;

/** The kernel's range for outgoing connections' source ports: ports there can be taken at any moment. */
function ephemeralRange(): [number, number] {
	try {
		const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
		if (low && high) return [low, high];
	} catch {
		// Not Linux: IANA's dynamic range.
	}

	return [49_152, 65_535];
}

function canListen(port: number): Promise<boolean> {
	return new Promise(resolve => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen({port, host: '127.0.0.1', exclusive: true}, () => server.close(() => resolve(true)));
	});
}

/**
 * `count` distinct ports free on 127.0.0.1 now, chosen at random below the
 * ephemeral range (so outgoing connections do not take them before etcd
 * binds them) and away from 2379/2380.
 */
export async function freePorts(count: number, taken: ReadonlySet<number> = new Set()): Promise<number[]> {
	const [ephemeralLow] = ephemeralRange();
	const low = 10_000;
	const high = Math.max(low + 1000, ephemeralLow - 1);
	const ports: number[] = [];
	for (let attempt = 0; ports.length < count; attempt++) {
		if (attempt > 1000) throw new Error('no free ports on 127.0.0.1');
		const port = randomInt(low, high);
		if (avoided(port) || taken.has(port) || ports.includes(port)) continue;
		if (await canListen(port)) ports.push(port);
	}

	return ports;
}
