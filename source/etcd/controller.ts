import {createHash, randomBytes} from 'node:crypto';
import {rmSync} from 'node:fs';
import {UsageError} from '../core/engine/usage-error.js';
import path from 'node:path';
import {defaultPrefix} from '../core/etcd/layout.js';
import type {ClusterInfo, ClusterMember, ControllerNote, EtcdAction, FaultState, MemberPoll, Poll, ProcessState} from '../core/etcd/types.js';
import {EtcdApi} from './etcd-api.js';
import {findSetpriv, requireEtcd, type EtcdBinary} from './etcd-binary.js';
import {onProcessEnd} from './exit-hooks.js';
import {freePorts} from './free-ports.js';
import {createJsonClient, type JsonClient} from './http-json.js';
import {MemberProcess} from './member-process.js';
import {PeerProxyHub} from './peer-proxy.js';
import {createRunDir, keepLog, lastLogWords, removeRunDir, removeStaleRunDirs, writeOwner} from './run-dir.js';
import {startSentinel, type Sentinel} from './sentinel.js';
import {performAction, type ActionTarget} from './actions.js';
import {Writer} from './writer.js';

export type ControllerOptions = {
	readonly members: number;
	readonly seed: number;
	/** Writes per second; undefined: as fast as acknowledgements come. */
	readonly rate: number | undefined;
	readonly preVote: boolean;
	/** Attach to these client URLs (read-only) instead of starting a cluster. */
	readonly endpoints?: readonly string[];
	/** Start writing as soon as the cluster is ready (default true). */
	readonly writes?: boolean;
	/** Time between polling rounds (default 100 ms: 10 Hz). */
	readonly pollIntervalMs?: number;
	/** How long to wait for a leader at start (default 15 s). */
	readonly readyTimeoutMs?: number;
	readonly binary?: EtcdBinary;
};

/** Per-request timeout while polling: a paused or cut-off member must not hold up a round for long. */
const pollTimeoutMs = 250;
const heartbeatMs = 50;
const electionTimeoutMs = 250;
/** While starting, a member's status is asked with this timeout: a member that listens but does not serve yet answers the moment it is ready. */
const readyAskTimeoutMs = 2000;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** A member exited before the cluster was ready; its log is in the run folder, which start() removes. */
class MemberStartError extends Error {
	constructor(
		readonly member: string,
		readonly exit: string,
		readonly logFile: string,
	) {
		super(`${member} exited while starting (${exit})`);
	}
}

/** etcd's member ID: the first 8 bytes of SHA-1 over its peer URLs and the cluster token (no time for an initial member). */
export function memberId(peerUrl: string, token: string): string {
	return createHash('sha1').update(peerUrl + token).digest().readBigUInt64BE(0).toString(16);
}

/**
 * A real etcd cluster on loopback, or an attached one. `start()` brings it up
 * and begins polling; every polling round reaches subscribers as a Poll;
 * `perform()` runs one action (a fault, a stale read, writes on/off);
 * `stop()` kills every member and removes every folder. Members also die with
 * this process however it ends (setpriv's parent-death signal, exit and
 * signal hooks, and a sentinel that cleans up after a SIGKILL).
 */
export class EtcdController {
	private readonly client: JsonClient = createJsonClient();
	readonly api = new EtcdApi(this.client);
	private processes: MemberProcess[] = [];
	private answered: boolean[] = [];
	private hub: PeerProxyHub | undefined;
	private runDir: string | undefined;
	private sentinel: Sentinel | undefined;
	private unregister: (() => void) | undefined;
	private readonly listeners = new Set<(poll: Poll) => void>();
	private notes: ControllerNote[] = [];
	private pollLoop: Promise<void> | undefined;
	private stopping = false;
	private closed = false;
	private stopped: Promise<void> | undefined;
	private startedAt = 0;
	private round = 0;
	private leaderHint: number | undefined;
	private clusterInfo: ClusterInfo | undefined;
	private writerInstance: Writer | undefined;
	/** The latest round, for callers that do not subscribe. */
	latest: Poll | undefined;
	/** Milliseconds from start() until every member knew the same leader. */
	readyMs: number | undefined;

	constructor(readonly options: ControllerOptions) {}

	get info(): ClusterInfo {
		if (!this.clusterInfo) throw new Error('the controller has not started');
		return this.clusterInfo;
	}

	get writer(): Writer {
		if (!this.writerInstance) throw new Error('no writer: the cluster is attached (read-only) or not started');
		return this.writerInstance;
	}

	/** The run folder (data dirs and logs) of a cluster this app started. */
	get folder(): string | undefined {
		return this.runDir;
	}

	get pids(): number[] {
		return this.processes.map(member => member.pid).filter((pid): pid is number => pid !== undefined);
	}

	/** Subscribes to every polling round; returns the unsubscribe function. */
	subscribe(listener: (poll: Poll) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** Starts (or attaches to) the cluster and polling; resolves once a leader is known to every member. */
	async start(): Promise<ClusterInfo> {
		this.startedAt = performance.now();
		if (this.options.endpoints) return this.attach(this.options.endpoints);
		const binary = this.options.binary ?? requireEtcd();
		removeStaleRunDirs();
		let lastError: unknown;
		const keptLogs: string[] = [];
		// A port taken between choosing it and etcd binding it fails a member at start: try again with new ports.
		for (let attempt = 0; attempt < 3; attempt++) {
			try {
				const info = await this.launch(binary);
				// A retry that worked: the logs of the attempts before it are not news.
				for (const file of keptLogs) rmSync(file, {force: true});
				return info;
			} catch (error) {
				lastError = error;
				if (error instanceof MemberStartError && this.runDir) {
					// The run folder goes with the teardown: keep the member's log, and say where it is.
					const said = lastLogWords(error.logFile);
					const kept = keepLog(this.runDir, error.logFile);
					// Only the log named in the error stays.
					for (const file of keptLogs.splice(0)) rmSync(file, {force: true});
					if (kept) keptLogs.push(kept);
					lastError = new Error(`${error.message}${said ? `, last logged "${said}"` : ''}; its log is kept at ${kept ?? '(could not be copied)'}`);
				}

				await this.teardown();
				if (this.closed) break;
			}
		}

		throw lastError instanceof Error ? lastError : new Error(String(lastError));
	}

	private async launch(binary: EtcdBinary): Promise<ClusterInfo> {
		const n = this.options.members;
		const runDir = createRunDir();
		this.runDir = runDir;
		this.sentinel = startSentinel(runDir);
		this.unregister = onProcessEnd(() => this.cleanUpNow(false));
		this.hub = await PeerProxyHub.open(n);
		const hub = this.hub;
		const proxyPorts = Array.from({length: n}, (_, i) => hub.port(i));
		const ports = await freePorts(2 * n, new Set(proxyPorts));
		const clientPorts = ports.slice(0, n);
		const peerPorts = ports.slice(n);
		const token = `replica-tui-${process.pid}-${randomBytes(4).toString('hex')}`;
		const names = Array.from({length: n}, (_, i) => `m${i + 1}`);
		const advertised = proxyPorts.map(port => `http://127.0.0.1:${port}`);
		const ids = advertised.map(url => memberId(url, token));
		hub.route(ids, peerPorts);
		const initialCluster = names.map((name, i) => `${name}=${advertised[i]}`).join(',');
		const setpriv = findSetpriv();
		this.processes = names.map((name, i) => {
			const clientUrl = `http://127.0.0.1:${clientPorts[i]}`;
			const args = [
				`--name=${name}`,
				`--data-dir=${path.join(runDir, name)}`,
				`--listen-client-urls=${clientUrl}`,
				`--advertise-client-urls=${clientUrl}`,
				`--listen-peer-urls=http://127.0.0.1:${peerPorts[i]}`,
				`--initial-advertise-peer-urls=${advertised[i]}`,
				`--initial-cluster=${initialCluster}`,
				'--initial-cluster-state=new',
				`--initial-cluster-token=${token}`,
				`--heartbeat-interval=${heartbeatMs}`,
				`--election-timeout=${electionTimeoutMs}`,
				...(this.options.preVote ? ['--pre-vote'] : []),
				'--logger=zap',
				'--log-level=warn',
			];
			return new MemberProcess({binary: binary.path, args, setpriv, logFile: path.join(runDir, `${name}.log`)});
		});
		this.answered = this.processes.map(() => false);
		const members: ClusterMember[] = names.map((name, i) => ({name, id: ids[i]!, clientUrl: `http://127.0.0.1:${clientPorts[i]}`}));
		this.clusterInfo = {
			members,
			version: binary.version,
			owned: true,
			writes: true,
			seed: this.options.seed,
			rate: this.options.rate ?? 0,
			preVote: this.options.preVote,
			prefix: defaultPrefix,
		};
		// All at once: the proxies end the bootstrap asks that used to stall members spawned together (PeerProxyHub.refuseBootstrapChecks).
		for (const [i, member] of this.processes.entries()) {
			this.spawn(i);
			member.onExit = description => {
				if (!this.stopping && !member.expectedExit) this.note({text: `${names[i]} exited on its own (${description}); see ${member.command.logFile}`, tone: 'bad'});
				member.expectedExit = false;
			};
		}

		this.startPolling();
		await this.waitReady();
		this.createWriter();
		return this.clusterInfo;
	}

	private async attach(endpoints: readonly string[]): Promise<ClusterInfo> {
		let listed: Array<{id: string; name: string; clientUrls: string[]}> | undefined;
		let version = '?';
		for (const url of endpoints) {
			const members = await this.api.members(url, 2000);
			if (!members.ok) continue;
			listed = members.value;
			const status = await this.api.status(url, 2000);
			if (status.ok) version = status.value.version;
			break;
		}

		if (!listed) throw new UsageError(`--endpoints: no etcd answers at ${endpoints.join(', ')} (is it running? is the port its client port?)`);
		// Show the given endpoints, each named after the member that answers there.
		const members: ClusterMember[] = [];
		for (const [i, url] of endpoints.entries()) {
			const own = listed.find(member => member.clientUrls.some(client => client.replace(/\/$/, '') === url));
			members.push({name: own?.name || `e${i + 1}`, id: own?.id ?? `unknown-${i}`, clientUrl: url});
		}

		this.clusterInfo = {members, version, owned: false, writes: false, seed: this.options.seed, rate: 0, preVote: false, prefix: defaultPrefix};
		this.answered = members.map(() => false);
		this.startPolling();
		this.readyMs = performance.now() - this.startedAt;
		return this.clusterInfo;
	}

	private spawn(i: number): void {
		const pid = this.processes[i]!.start();
		this.answered[i] = false;
		this.sentinel?.watch(pid);
		if (this.runDir) writeOwner(this.runDir, this.pids);
	}

	private createWriter(): void {
		const info = this.info;
		this.writerInstance = new Writer({
			api: this.api,
			urls: info.members.map(member => member.clientUrl),
			names: info.members.map(member => member.name),
			prefix: info.prefix,
			seed: info.seed,
			rate: this.options.rate,
			leaderHint: () => this.leaderHint,
			reachable: member => this.processes[member]?.state === 'running',
			note: note => this.note(note),
		});
		this.writerInstance.start();
		if (this.options.writes !== false) this.writerInstance.setEnabled(true);
	}

	/**
	 * Resolves once every member names the same leader. Each member is asked
	 * on its own, again as soon as it answers or refuses, rather than once a
	 * polling round: etcd serves clients only once it has joined, and a
	 * member that listens but does not serve yet answers the pending ask the
	 * moment it does.
	 */
	private async waitReady(): Promise<void> {
		const timeoutMs = this.options.readyTimeoutMs ?? 15_000;
		const deadline = performance.now() + timeoutMs;
		const info = this.info;
		const leaders: Array<string | undefined> = info.members.map(() => undefined);
		let done = false;
		const watchers = info.members.map(async (member, i) => {
			while (!done && performance.now() < deadline) {
				const asked = performance.now();
				const status = await this.api.status(member.clientUrl, Math.min(readyAskTimeoutMs, Math.max(1, deadline - asked)));
				leaders[i] = status.ok ? status.value.leader : undefined;
				if (status.ok && status.value.leader !== undefined) this.answered[i] = true;
				// A refused connection (not listening yet) comes back at once: do not spin.
				if (!done) await sleep(Math.max(0, 10 - (performance.now() - asked)));
			}
		});
		try {
			while (performance.now() < deadline) {
				const died = this.processes.findIndex(member => member.state === 'down');
				if (died >= 0) throw new MemberStartError(`m${died + 1}`, this.processes[died]!.lastExit ?? '?', this.processes[died]!.command.logFile);
				if (leaders.every(leader => leader !== undefined && leader === leaders[0])) {
					this.readyMs = performance.now() - this.startedAt;
					if (this.hub) this.hub.refuseBootstrapChecks = false;
					return;
				}

				await sleep(5);
			}
		} finally {
			done = true;
			await Promise.all(watchers);
		}

		throw new Error(`no leader within ${(timeoutMs / 1000).toFixed(0)} s`);
	}

	/** Something to say in the next round's notes (and so on the event line). */
	note(note: ControllerNote): void {
		this.notes.push(note);
	}

	private startPolling(): void {
		this.pollLoop = this.pollForever();
	}

	private async pollForever(): Promise<void> {
		const interval = this.options.pollIntervalMs ?? 100;
		while (!this.stopping) {
			const started = performance.now();
			const poll = await this.pollOnce();
			if (this.stopping) return;
			this.latest = poll;
			for (const listener of this.listeners) listener(poll);
			const wait = interval - (performance.now() - started);
			if (wait > 0) await sleep(wait);
		}
	}

	processState(i: number): ProcessState {
		const member = this.processes[i];
		if (!member) return 'external';
		const state = member.state;
		if (state === 'running' && !this.answered[i]) return 'starting';
		return state;
	}

	/** One polling round: status, raft status and our keys from every member at once. */
	async pollOnce(): Promise<Poll> {
		const started = performance.now();
		const info = this.info;
		const members = await Promise.all(info.members.map((member, i) => this.pollMember(member.clientUrl, i)));
		const leaders = members.map((member, i) => ({i, term: member.raft?.state === 'leader' ? member.raft.term : member.status?.leader === info.members[i]!.id ? (member.status?.appliedTerm ?? 0) : -1})).filter(entry => entry.term >= 0);
		leaders.sort((a, b) => b.term - a.term);
		this.leaderHint = leaders[0]?.i;
		const notes = this.notes;
		this.notes = [];
		return {
			at: Math.round(performance.now() - this.startedAt),
			round: ++this.round,
			roundMs: performance.now() - started,
			members,
			faults: this.faultState(),
			writer: this.writerInstance?.progress() ?? {enabled: false, issued: 0, acked: 0, retries: 0, perSecond: 0},
			notes,
		};
	}

	private async pollMember(url: string, i: number): Promise<MemberPoll> {
		const state = this.processState(i);
		if (state === 'down' || state === 'paused') return {process: state};
		const [status, raft, kv] = await Promise.all([
			this.api.status(url, pollTimeoutMs),
			this.api.raftStatus(url, pollTimeoutMs),
			this.api.readKeys(url, this.info.prefix, true, pollTimeoutMs),
		]);
		const answered = status.ok || raft.ok || kv.ok;
		if (answered) this.answered[i] = true;
		const error = !status.ok ? status.error : !kv.ok ? kv.error : undefined;
		return {
			process: answered && state === 'starting' ? 'running' : state,
			...(status.ok ? {status: status.value} : {}),
			...(raft.ok && raft.value ? {raft: raft.value} : {}),
			...(kv.ok ? {kv: kv.value} : {}),
			...(error ? {error} : {}),
		};
	}

	faultState(): FaultState {
		return this.hub?.current ?? {partition: [], delays: []};
	}

	/** Runs one action; its outcome is also noted for the next round. Attached clusters refuse every fault. */
	async perform(action: EtcdAction): Promise<ControllerNote> {
		const target: ActionTarget = {
			info: this.info,
			api: this.api,
			processes: this.processes,
			hub: this.hub,
			writer: this.writerInstance,
			latest: this.latest,
			leader: () => this.leaderHint,
			spawn: i => this.spawn(i),
		};
		const note = await performAction(target, action);
		this.note(note);
		return note;
	}

	/** Stops polling and writing, kills every member and removes every folder. Safe to call twice. */
	stop(): Promise<void> {
		this.closed = true;
		this.stopped ??= this.teardown().then(() => this.client.close());
		return this.stopped;
	}

	private async teardown(): Promise<void> {
		this.stopping = true;
		await this.writerInstance?.stop();
		await this.pollLoop;
		await Promise.all(this.processes.map(member => member.kill()));
		this.cleanUpNow(true);
		// A retry of start() goes on with fresh state.
		this.processes = [];
		this.writerInstance = undefined;
		this.pollLoop = undefined;
		this.stopping = this.closed;
	}

	/**
	 * Synchronous, for exit and signal hooks too. `membersGone`: every member
	 * has exited, so the folder can go now; from a hook they were only sent
	 * SIGKILL, and the sentinel (which waits for them) removes the folder once
	 * this process is gone.
	 */
	private cleanUpNow(membersGone: boolean): void {
		for (const member of this.processes) member.killNow();
		this.hub?.close();
		this.hub = undefined;
		if (this.runDir) {
			try {
				removeRunDir(this.runDir);
			} catch {
				// A dying member may still write into it: the sentinel removes it.
			}
		}

		if (membersGone) this.sentinel?.dismiss();
		this.runDir = undefined;
		this.sentinel = undefined;
		this.unregister?.();
		this.unregister = undefined;
	}
}
