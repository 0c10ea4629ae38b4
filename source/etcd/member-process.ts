import {spawn, type ChildProcess} from 'node:child_process';
import {closeSync, openSync} from 'node:fs';
import {withoutEtcdVariables} from './etcd-binary.js';

export type MemberProcessState = 'running' | 'paused' | 'down';

/** How to run one member: the same every time it is (re)started, data dir included. */
export type MemberCommand = {
	readonly binary: string;
	readonly args: readonly string[];
	/** setpriv, to have the kernel SIGKILL the member when this process dies. */
	readonly setpriv: string | undefined;
	readonly logFile: string;
};

/**
 * One etcd process. Started through `setpriv --pdeathsig KILL` (which execs
 * etcd, so the PID is etcd's); crashed with SIGKILL, paused with SIGSTOP,
 * resumed with SIGCONT; restarted with the same flags and data dir.
 */
export class MemberProcess {
	private child: ChildProcess | undefined;
	private paused = false;
	private exited: Promise<void> = Promise.resolve();
	/** The last exit: code or signal, for a member that died on its own. */
	lastExit: string | undefined;
	/** Set when this app ends the process on purpose (so its exit is not news). */
	expectedExit = false;
	/** Called when the process ends, whoever ended it. */
	onExit: ((description: string) => void) | undefined;

	constructor(readonly command: MemberCommand) {}

	get pid(): number | undefined {
		return this.child?.pid;
	}

	get state(): MemberProcessState {
		if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return 'down';
		return this.paused ? 'paused' : 'running';
	}

	/** Spawns the process; returns its PID. */
	start(): number {
		if (this.state !== 'down') throw new Error('member is already running');
		const {binary, args, setpriv, logFile} = this.command;
		const log = openSync(logFile, 'a');
		const [program, argv] = setpriv ? [setpriv, ['--pdeathsig', 'KILL', '--', binary, ...args]] : [binary, [...args]];
		let child: ChildProcess;
		try {
			child = spawn(program, argv, {stdio: ['ignore', log, log], env: withoutEtcdVariables(process.env)});
		} finally {
			closeSync(log);
		}

		this.child = child;
		this.paused = false;
		this.expectedExit = false;
		this.lastExit = undefined;
		this.exited = new Promise(resolve => {
			child.once('exit', (code, signal) => {
				this.lastExit = signal ?? `exit code ${code ?? '?'}`;
				resolve();
				this.onExit?.(this.lastExit);
			});
			child.once('error', error => {
				this.lastExit = error.message;
				resolve();
			});
		});
		if (child.pid === undefined) throw new Error(`could not start ${program}`);
		return child.pid;
	}

	/** SIGKILL now; resolves once it is gone. */
	async kill(): Promise<void> {
		this.killNow();
		await this.exited;
	}

	/** SIGKILL by PID, synchronously (for exit handlers). */
	killNow(): void {
		const pid = this.child?.pid;
		if (pid === undefined || this.state === 'down') return;
		this.expectedExit = true;
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			// Already gone.
		}
	}

	pause(): void {
		if (this.state !== 'running') return;
		process.kill(this.child!.pid!, 'SIGSTOP');
		this.paused = true;
	}

	resume(): void {
		if (this.state !== 'paused') return;
		process.kill(this.child!.pid!, 'SIGCONT');
		this.paused = false;
	}
}
