import net from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {isBootstrapCheck, linkCut, linkDelay, PeerProxyHub, senderOf} from '../../source/etcd/peer-proxy.js';
import {sleep, waitFor} from './etcd-available.js';

describe('peer proxy rules', () => {
	it('tells the sender from X-Server-From or the stream path', () => {
		expect(senderOf('POST /raft HTTP/1.1\r\nHost: x\r\nX-Server-From: 8b3a77\r\n\r\n')).toBe('8b3a77');
		expect(senderOf('GET /raft/stream/msgapp/7581849ef0e77190 HTTP/1.1\r\nHost: x\r\n\r\n')).toBe('7581849ef0e77190');
		expect(senderOf('GET /members HTTP/1.1\r\nHost: x\r\n\r\n')).toBeUndefined();
	});

	it('tells a new member\'s "am I in a cluster?" ask (GET /members, no sender) from raft traffic', () => {
		expect(isBootstrapCheck('GET /members HTTP/1.1\r\nHost: x\r\n\r\n')).toBe(true);
		expect(isBootstrapCheck('GET /version HTTP/1.1\r\nHost: x\r\n\r\n')).toBe(false);
		expect(isBootstrapCheck('GET /members/promote/1 HTTP/1.1\r\nHost: x\r\n\r\n')).toBe(false);
		expect(isBootstrapCheck('POST /raft HTTP/1.1\r\nX-Server-From: 8b3a77\r\n\r\n')).toBe(false);
	});

	it('cuts links between groups only, and takes the largest delay on a link', () => {
		const faults = {partition: [[0], [1, 2]], delays: [{a: 2, ms: 100}, {a: 1, b: 2, ms: 300}]};
		expect(linkCut(faults, 0, 1)).toBe(true);
		expect(linkCut(faults, 1, 2)).toBe(false);
		expect(linkCut({partition: [], delays: []}, 0, 1)).toBe(false);
		expect(linkDelay(faults, 2, 1)).toBe(300);
		expect(linkDelay(faults, 0, 2)).toBe(100);
		expect(linkDelay(faults, 0, 1)).toBe(0);
	});
});

/** Two fake members behind the proxies: each keeps what it received. */
async function fakeCluster() {
	const received = ['', ''];
	const sockets = new Set<net.Socket>();
	const servers = await Promise.all(
		[0, 1].map(
			i =>
				new Promise<net.Server>(resolve => {
					const server = net.createServer(socket => {
						sockets.add(socket);
						socket.on('data', (chunk: Buffer) => {
							received[i] += chunk.toString();
							socket.write(`ack${i}`);
						});
						socket.on('error', () => undefined);
					});
					server.listen(0, '127.0.0.1', () => resolve(server));
				}),
		),
	);
	const hub = await PeerProxyHub.open(2);
	hub.route(['aa', 'bb'], servers.map(server => (server.address() as net.AddressInfo).port));
	const close = () => {
		hub.close();
		for (const socket of sockets) socket.destroy();
		for (const server of servers) server.close();
	};

	return {hub, received, close};
}

function connect(port: number): Promise<{socket: net.Socket; replies: () => string; closed: () => boolean}> {
	return new Promise(resolve => {
		let replies = '';
		let closed = false;
		const socket = net.connect(port, '127.0.0.1', () => resolve({socket, replies: () => replies, closed: () => closed}));
		socket.on('data', (chunk: Buffer) => {
			replies += chunk.toString();
		});
		socket.on('close', () => {
			closed = true;
		});
		socket.on('error', () => undefined);
	});
}

describe('peer proxy connections', () => {
	let close: (() => void) | undefined;
	afterEach(() => close?.());

	it('forwards a member\'s traffic both ways, and drops it the moment the link is cut', async () => {
		const cluster = await fakeCluster();
		close = cluster.close;
		const from0 = await connect(cluster.hub.port(1));
		from0.socket.write('POST /raft HTTP/1.1\r\nX-Server-From: aa\r\n\r\nhello');
		await waitFor('the message through', () => cluster.received[1]!.endsWith('hello') && from0.replies() === 'ack1', 2000);
		cluster.hub.setFaults({partition: [[0], [1]], delays: []});
		await waitFor('the connection to close', from0.closed, 2000);

		const again = await connect(cluster.hub.port(1));
		again.socket.write('POST /raft HTTP/1.1\r\nX-Server-From: aa\r\n\r\nlost');
		await waitFor('the new connection to be refused', again.closed, 2000);
		expect(cluster.received[1]).not.toContain('lost');
		expect(cluster.hub.refused).toBeGreaterThanOrEqual(1);

		cluster.hub.setFaults({partition: [], delays: []});
		const healed = await connect(cluster.hub.port(1));
		healed.socket.write('POST /raft HTTP/1.1\r\nX-Server-From: aa\r\n\r\nback');
		await waitFor('traffic after healing', () => cluster.received[1]!.endsWith('back'), 2000);
	});

	it('a connection opened by a probe is cut once a raft request on it names a cut-off sender', async () => {
		const cluster = await fakeCluster();
		close = cluster.close;
		cluster.hub.setFaults({partition: [[0], [1]], delays: []});
		const probe = await connect(cluster.hub.port(1));
		probe.socket.write('GET /version HTTP/1.1\r\nHost: x\r\n\r\n');
		await waitFor('the probe through', () => cluster.received[1]!.includes('/version'), 2000);
		probe.socket.write('POST /raft HTTP/1.1\r\nX-Server-From: aa\r\n\r\nvote for me');
		await waitFor('the connection to close', probe.closed, 2000);
		expect(cluster.received[1]).not.toContain('vote for me');
	});

	it('ends a bootstrap ask at once while the cluster starts (a starting peer would leave it waiting 1 s), and passes it on after', async () => {
		const cluster = await fakeCluster();
		close = cluster.close;
		const early = await connect(cluster.hub.port(1));
		early.socket.write('GET /members HTTP/1.1\r\nHost: x\r\n\r\n');
		await waitFor('the ask to be ended', early.closed, 2000);
		expect(cluster.received[1]).toBe('');
		expect(cluster.hub.bootstrapChecksRefused).toBe(1);
		cluster.hub.refuseBootstrapChecks = false;
		const later = await connect(cluster.hub.port(1));
		later.socket.write('GET /members HTTP/1.1\r\nHost: x\r\n\r\n');
		await waitFor('the ask through', () => cluster.received[1]!.includes('GET /members') && later.replies() === 'ack1', 2000);
	});

	it('delays a slowed link, keeping the order of the bytes', async () => {
		const cluster = await fakeCluster();
		close = cluster.close;
		cluster.hub.setFaults({partition: [], delays: [{a: 0, ms: 150}]});
		const from0 = await connect(cluster.hub.port(1));
		const sent = performance.now();
		from0.socket.write('POST /raft HTTP/1.1\r\nX-Server-From: aa\r\n\r\n');
		await sleep(20);
		for (const part of ['1', '2', '3']) {
			from0.socket.write(part);
			await sleep(5);
		}

		await waitFor('the request to arrive', () => cluster.received[1]!.includes('X-Server-From'), 3000);
		expect(performance.now() - sent).toBeGreaterThanOrEqual(145);
		await waitFor('the delayed bytes', () => cluster.received[1]!.endsWith('123'), 3000);
		await waitFor('the reply, delayed too', () => from0.replies().startsWith('ack1'), 3000);
		expect(performance.now() - sent).toBeGreaterThanOrEqual(295);
	});
});
