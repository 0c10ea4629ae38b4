import {kvKeys, kv} from '../core/models/kv.js';
import type {EtcdConfig} from '../core/etcd/config.js';
import {keysDigest} from '../core/etcd/digest.js';
import {modelAfter} from '../core/etcd/expected.js';
import type {ScheduledEtcdFault} from '../core/etcd/fault-schedule.js';
import {createEtcdState, observe} from '../core/etcd/observe.js';
import type {EtcdState} from '../core/etcd/state.js';
import type {RaftStatus} from '../core/etcd/types.js';
import {hexDigest} from '../core/voting/report.js';
import {EtcdController} from './controller.js';
import {requireEtcd} from './etcd-binary.js';
import {FaultRunner} from './fault-runner.js';
import {secondsText} from '../live/shell-mode.js';

export type EtcdHeadlessOptions = {
	readonly members: number;
	readonly seed: number;
	readonly steps: number;
	/** Writes per second; undefined: as fast as acknowledgements come. */
	readonly rate?: number;
	readonly preVote: boolean;
	readonly faults: readonly ScheduledEtcdFault[];
	/** How long the writes may take in all (default 60 s + 50 ms an input). */
	readonly writeTimeoutMs?: number;
	/** How long a write may wait for its acknowledgement before the next scheduled fault acts early (default 5 s). */
	readonly stallMs?: number;
	/** How long no write may be acknowledged, with no fault left to act, before the writes stop (default 15 s). */
	readonly giveUpMs?: number;
	/** How long to wait for every member to agree after the writes (default 20 s). */
	readonly convergeTimeoutMs?: number;
	/** Progress in a few words (stderr), e.g. "cluster ready in 0.4 s". */
	readonly onProgress?: (text: string) => void;
	/** Called with the controller once it runs (tests watch its processes and folder). */
	readonly onController?: (controller: EtcdController) => void;
};

/** Values by key; null: absent; '?': not a number. */
type Keys = Record<string, number | string | null>;

export type EtcdMemberReport = {
	readonly name: string;
	readonly role: string;
	readonly term: number | null;
	readonly commit: number | null;
	readonly applied: number | null;
	/** The last input its keys reflect. */
	readonly lastInput: number | null;
	readonly keys: Keys | null;
	readonly digest: string | null;
	readonly matchesModel: boolean;
	/** How many sequence keys (one per applied input) it holds, and the acknowledged inputs it lacks (the first few). */
	readonly inputsHeld: number | null;
	readonly missingAcknowledged: readonly number[];
	readonly error?: string;
};

export type EtcdHeadlessReport = {
	readonly mode: 'etcd';
	readonly etcd: string;
	readonly members: number;
	readonly seed: number;
	readonly preVote: boolean;
	readonly inputs: number;
	readonly acknowledged: number;
	/** The input written but not acknowledged when the writes stopped (the cluster may or may not have applied it), else null. */
	readonly inFlight: number | null;
	/** The input the members' keys are judged after: `acknowledged`, or `inFlight` if every member applied it. */
	readonly lastInput: number;
	/** Every member holds the same keys after the same input. */
	readonly allAgree: boolean;
	/** Every member's keys equal the kv model fed inputs 1…lastInput. */
	readonly matchesModel: boolean;
	/** Every member holds the sequence key of every acknowledged input. */
	readonly acknowledgedPresent: boolean;
	readonly ok: boolean;
	readonly model: {readonly keys: Keys; readonly digest: string};
	readonly memberStates: readonly EtcdMemberReport[];
	readonly faults: ReadonlyArray<{readonly spec: string; readonly atInput: number; readonly outcome: string}>;
	/** Faults still in force after the last write, undone before the final check. */
	readonly repairedAtEnd: readonly string[];
	readonly observed: {
		readonly polls: number;
		readonly leaders: ReadonlyArray<{readonly term: number; readonly members: readonly string[]}>;
		/** Safety findings while it ran: two leaders in a term, a term or applied index going down, keys unlike the model. */
		readonly findings: readonly string[];
	};
	readonly timings: {
		readonly readyMs: number;
		readonly writeMs: number;
		readonly writesPerSecond: number;
		readonly convergeMs: number;
		readonly pollRoundMedianMs: number;
		readonly pollRoundP95Ms: number;
	};
	readonly problems: readonly string[];
};

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function keysRecord(values: readonly number[]): Keys {
	return Object.fromEntries(kvKeys.map((key, i) => [key, values[i] === 0 ? null : Number.isNaN(values[i]) ? '?' : values[i]!]));
}

function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) return 0;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/**
 * The input every member answers with (as leader or follower, at the same
 * applied index, with the same keys), if it is one of `inputs`; else undefined.
 */
function convergedAt(state: EtcdState, inputs: readonly number[]): number | undefined {
	const members = state.members;
	if (!members.every(member => (member.role === 'leader' || member.role === 'follower') && member.seenAt === state.at)) return undefined;
	const first = members[0]!;
	const input = first.keys?.lastInput;
	if (input === undefined || !inputs.includes(input)) return undefined;
	return members.every(member => member.keys?.lastInput === input && member.keys.digest === first.keys?.digest && member.applied === first.applied) ? input : undefined;
}

/**
 * Starts a cluster, writes `steps` seeded inputs (acting out the fault
 * schedule on the way), undoes the faults still in force, waits until every
 * member agrees, and reports each member's final state against the model and
 * the acknowledged writes. Always stops the cluster, whatever happens.
 */
export async function runEtcdHeadless(options: EtcdHeadlessOptions): Promise<EtcdHeadlessReport> {
	const say = options.onProgress ?? (() => undefined);
	const controller = new EtcdController({members: options.members, seed: options.seed, rate: options.rate, preVote: options.preVote, writes: false});
	options.onController?.(controller);
	const problems: string[] = [];
	try {
		const info = await controller.start();
		say(`cluster of ${options.members} ready in ${((controller.readyMs ?? 0) / 1000).toFixed(2)} s`);
		let state = createEtcdState(info);
		const rounds: number[] = [];
		controller.subscribe(poll => {
			state = observe(state, poll);
			rounds.push(poll.roundMs);
		});

		const context = () => ({
			down: state.members.flatMap((_, i) => (controller.processState(i) === 'down' ? [i] : [])),
			paused: state.members.flatMap((_, i) => (controller.processState(i) === 'paused' ? [i] : [])),
		});
		const runner = new FaultRunner({faults: options.faults, perform: async action => controller.perform(action), context, stallMs: options.stallMs ?? 5000});
		const {writer} = controller;
		writer.limit = options.steps;
		writer.beforeInput = async index => runner.beforeInput(index);

		const writeStarted = performance.now();
		const writeBudget = options.writeTimeoutMs ?? 60_000 + options.steps * 50;
		const giveUpMs = options.giveUpMs ?? 15_000;
		writer.setEnabled(true);
		const stopWatching = runner.watch(writer);
		let timer: NodeJS.Timeout | undefined;
		const ending = await Promise.race([
			writer.waitForAcked(options.steps).then(() => 'done' as const),
			new Promise<'time' | 'stalled'>(resolve => {
				const deadline = performance.now() + writeBudget;
				timer = setInterval(() => {
					if (performance.now() >= deadline) resolve('time');
					else if (runner.remaining === 0 && Math.min(writer.stalledMs, runner.sinceLastFaultMs) >= giveUpMs) resolve('stalled');
				}, 50);
			}),
		]);
		clearInterval(timer);
		stopWatching();
		// No write may land after this: the verdict below is about a cluster that no longer changes.
		await writer.stop();
		await runner.idle();
		const writeMs = performance.now() - writeStarted;
		const acked = writer.acknowledged;
		const inFlight = writer.inFlight;
		if (ending === 'time') problems.push(`only ${acked} of ${options.steps} inputs were acknowledged within ${secondsText(writeBudget)}`);
		if (ending === 'stalled') problems.push(`only ${acked} of ${options.steps} inputs were acknowledged: #${inFlight ?? acked + 1} waited ${secondsText(giveUpMs)} with no fault left in the schedule to end it (is a majority down, paused or cut off?), so the writes stopped`);
		say(`${acked} inputs acknowledged in ${(writeMs / 1000).toFixed(2)} s${inFlight === undefined ? '' : ` (#${inFlight} was still in flight: the cluster may or may not apply it)`}`);

		const repairedAtEnd: string[] = [];
		const faultsLeft = context();
		for (const member of faultsLeft.down) repairedAtEnd.push((await controller.perform({type: 'restart', member})).text);
		for (const member of faultsLeft.paused) repairedAtEnd.push((await controller.perform({type: 'resume', member})).text);
		const faults = controller.faultState();
		if (faults.partition.length > 0 || faults.delays.length > 0) repairedAtEnd.push((await controller.perform({type: 'heal'})).text);

		const convergeStarted = performance.now();
		const convergeBudget = options.convergeTimeoutMs ?? 20_000;
		const possible = inFlight === undefined ? [acked] : [acked, inFlight];
		while (convergedAt(state, possible) === undefined && performance.now() - convergeStarted < convergeBudget) await sleep(50);
		const convergeMs = performance.now() - convergeStarted;
		const agreedInput = convergedAt(state, possible);
		if (agreedInput === undefined) problems.push(`the members did not converge within ${secondsText(convergeBudget)}`);
		else say(`every member agrees at #${agreedInput} ${(convergeMs / 1000).toFixed(2)} s after the last write`);
		const lastInput = agreedInput ?? acked;

		const model = modelAfter(options.seed, lastInput);
		const modelDigest = kv.digest(model);
		const memberStates = await Promise.all(info.members.map(async (member, i): Promise<EtcdMemberReport> => {
			const [status, raft, keys, inputs] = await Promise.all([
				controller.api.status(member.clientUrl, 2000),
				controller.api.raftStatus(member.clientUrl, 2000),
				controller.api.readKeys(member.clientUrl, info.prefix, true, 2000),
				controller.api.inputNumbers(member.clientUrl, info.prefix, 5000),
			]);
			const raftStatus: RaftStatus | undefined = raft.ok ? raft.value : undefined;
			const held = inputs.ok ? new Set(inputs.value) : undefined;
			const missing: number[] = [];
			if (held) for (let input = 1; input <= acked && missing.length < 10; input++) if (!held.has(input)) missing.push(input);
			const digest = keys.ok ? keysDigest(keys.value.values) : undefined;
			const error = [status, keys, inputs].find(result => !result.ok);
			return {
				name: member.name,
				role: raftStatus?.state ?? state.members[i]!.role,
				term: raftStatus?.term ?? (status.ok ? status.value.appliedTerm : null),
				commit: raftStatus?.commit ?? (status.ok ? status.value.commit : null),
				applied: raftStatus?.applied ?? (status.ok ? status.value.applied : null),
				lastInput: keys.ok ? keys.value.lastInput : null,
				keys: keys.ok ? keysRecord(keys.value.values) : null,
				digest: digest === undefined ? null : hexDigest(digest),
				matchesModel: keys.ok && digest === modelDigest && keys.value.lastInput === lastInput,
				inputsHeld: held ? held.size : null,
				missingAcknowledged: held ? missing : [],
				...(error && !error.ok ? {error: error.error} : {}),
			};
		}));

		const allAgree = memberStates.every(member => member.digest !== null && member.digest === memberStates[0]!.digest && member.lastInput === memberStates[0]!.lastInput);
		const matchesModel = memberStates.every(member => member.matchesModel);
		const acknowledgedPresent = memberStates.every(member => member.inputsHeld !== null && member.missingAcknowledged.length === 0);
		const findings = state.violations.map(finding => finding.text.replace(/^⚠ /, ''));
		if (state.violationCount > findings.length) findings.push(`… and ${state.violationCount - findings.length} more`);
		return {
			mode: 'etcd',
			etcd: info.version,
			members: options.members,
			seed: options.seed,
			preVote: options.preVote,
			inputs: options.steps,
			acknowledged: acked,
			inFlight: inFlight ?? null,
			lastInput,
			allAgree,
			matchesModel,
			acknowledgedPresent,
			ok: allAgree && matchesModel && acknowledgedPresent && acked === options.steps && state.violationCount === 0 && problems.length === 0,
			model: {keys: keysRecord(model.values), digest: hexDigest(modelDigest)},
			memberStates,
			faults: runner.log,
			repairedAtEnd,
			observed: {
				polls: rounds.length,
				leaders: state.leadersByTerm.map(record => ({term: record.term, members: record.members.map(i => info.members[i]!.name)})),
				findings,
			},
			timings: {
				readyMs: Math.round(controller.readyMs ?? 0),
				writeMs: Math.round(writeMs),
				writesPerSecond: acked === 0 ? 0 : Math.round((acked / (writeMs / 1000)) * 10) / 10,
				convergeMs: Math.round(convergeMs),
				pollRoundMedianMs: Math.round(percentile(rounds, 0.5) * 10) / 10,
				pollRoundP95Ms: Math.round(percentile(rounds, 0.95) * 10) / 10,
			},
			problems,
		};
	} finally {
		await controller.stop();
	}
}

/** The report as a few plain lines (headless without --json). */
export function etcdHeadlessText(report: EtcdHeadlessReport): string {
	const mark = (ok: boolean) => (ok ? '✓' : '✗');
	const keys = (record: Keys | null) => (record ? Object.entries(record).map(([key, value]) => `${key}=${value ?? '—'}`).join(' ') : '(unread)');
	const lines = [
		`etcd ${report.etcd} · ${report.members} members · seed ${report.seed}${report.preVote ? ' · pre-vote' : ''} · ${report.acknowledged} of ${report.inputs} inputs acknowledged`,
		...report.faults.map(fault => `fault ${fault.spec} at #${fault.atInput}: ${fault.outcome}`),
		...report.repairedAtEnd.map(text => `after the writes: ${text}`),
		...report.memberStates.map(member => `${member.name.padEnd(3)} ${member.role.padEnd(9)} term ${member.term ?? '—'} applied ${member.applied ?? '—'} · #${member.lastInput ?? '—'} ${keys(member.keys)} ${member.digest ?? ''} ${mark(member.matchesModel)}${member.missingAcknowledged.length > 0 ? ` missing #${member.missingAcknowledged.join(' #')}` : ''}`),
		`model after #${report.lastInput}: ${keys(report.model.keys)} ${report.model.digest}${report.lastInput === report.inFlight ? ` (#${report.inFlight} was in flight when the writes stopped: applied, though never acknowledged)` : ''}`,
		`${mark(report.allAgree)} all members agree · ${mark(report.matchesModel)} they equal the model · ${mark(report.acknowledgedPresent)} every acknowledged write is present · ${report.observed.findings.length === 0 ? '✓ no safety finding' : `✗ ${report.observed.findings.join('; ')}`}`,
		`ready ${(report.timings.readyMs / 1000).toFixed(2)} s · ${report.timings.writesPerSecond} writes/s · converged ${(report.timings.convergeMs / 1000).toFixed(2)} s after the writes · poll round ${report.timings.pollRoundMedianMs} ms (p95 ${report.timings.pollRoundP95Ms} ms)`,
		...report.problems.map(problem => `✗ ${problem}`),
	];
	return lines.join('\n');
}

/**
 * `replica-tui etcd --steps N [--json] [--fault …]`: checks etcd is installed
 * (else a UsageError with the install line: exit 2), runs, prints the report,
 * and returns the exit status (0 when everything held, 1 when not).
 */
export async function etcdHeadlessMain(config: EtcdConfig, write: (text: string) => void, progress?: (text: string) => void): Promise<number> {
	requireEtcd();
	const report = await runEtcdHeadless({
		members: config.members,
		seed: config.seed,
		steps: config.steps ?? 0,
		...(config.rate === undefined ? {} : {rate: config.rate}),
		preVote: config.preVote,
		faults: config.faults,
		...(progress ? {onProgress: progress} : {}),
	});
	write(config.json ? JSON.stringify(report, null, 2) : etcdHeadlessText(report));
	return report.ok ? 0 : 1;
}
