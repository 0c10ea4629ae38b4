import {execFileSync} from 'node:child_process';
import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Every cluster this app starts lives in one folder under the temp dir, with
 * an owner file naming the process that made it. A folder whose owner is gone
 * (killed before it could clean up) is removed by the next start.
 */
export function runsRoot(): string {
	return process.env['REPLICA_TUI_ETCD_ROOT'] ?? path.join(os.tmpdir(), 'replica-tui-etcd');
}

type Owner = {readonly pid: number; readonly started: string; readonly members: readonly number[]};

/** A process's start time in clock ticks since boot (field 22 of /proc/PID/stat): tells a reused PID apart. */
export function processStartTime(pid: number): string | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name (field 2) may contain spaces and parentheses: count fields after the last ')'.
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
	} catch {
		return undefined;
	}
}

function isAlive(owner: Owner): boolean {
	try {
		process.kill(owner.pid, 0);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
	}

	const started = processStartTime(owner.pid);
	// Without /proc (not Linux) a live PID is trusted.
	return started === undefined ? process.platform !== 'linux' : started === owner.started;
}

/** The process's command line mentions `folder` (it is one of our members), read from /proc. */
export function commandMentions(pid: number, folder: string): boolean {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(folder);
	} catch {
		return false;
	}
}

function ownerFile(folder: string): string {
	return path.join(folder, 'owner.json');
}

export function createRunDir(): string {
	const root = runsRoot();
	for (let attempt = 1; ; attempt++) {
		mkdirSync(root, {recursive: true, mode: 0o700});
		try {
			const folder = mkdtempSync(path.join(root, 'run-'));
			writeOwner(folder, []);
			return folder;
		} catch (error) {
			// Another run's removeRunDir took the empty root away between the two calls: make it again.
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 5) throw error;
		}
	}
}

/** Removes a run's folder, and the runs root with it once no other run is left in it. */
export function removeRunDir(folder: string): void {
	rmSync(folder, {recursive: true, force: true});
	try {
		rmdirSync(path.dirname(folder));
	} catch {
		// Another run still lives there (or it is gone already).
	}
}

/** Where the log of a member that failed at start is kept once its run folder is gone: beside the runs root, never cleaned by the app. */
export function keptLogsFolder(): string {
	return `${runsRoot()}-logs`;
}

/** Copies a run's member log out of its folder (which is about to go); returns the copy's path, or undefined if there was no log. */
export function keepLog(runFolder: string, logFile: string): string | undefined {
	const folder = keptLogsFolder();
	const kept = path.join(folder, `${path.basename(runFolder)}-${path.basename(logFile)}`);
	try {
		mkdirSync(folder, {recursive: true, mode: 0o700});
		copyFileSync(logFile, kept);
		return kept;
	} catch {
		return undefined;
	}
}

/** The last thing a member logged, in a few words: etcd's zap logger writes JSON lines ({"msg", "error"}). */
export function lastLogWords(logFile: string, maxLength = 160): string | undefined {
	let text: string;
	try {
		text = readFileSync(logFile, 'utf8');
	} catch {
		return undefined;
	}

	const last = text.split('\n').map(row => row.trim()).filter(row => row !== '').at(-1);
	if (last === undefined) return undefined;
	let words = last;
	try {
		const entry = JSON.parse(last) as {msg?: unknown; error?: unknown};
		if (typeof entry.msg === 'string') words = typeof entry.error === 'string' ? `${entry.msg}: ${entry.error}` : entry.msg;
	} catch {
		// Not JSON: the line as it is.
	}

	return words.length <= maxLength ? words : `${words.slice(0, maxLength - 1)}…`;
}

export function writeOwner(folder: string, members: readonly number[]): void {
	const owner: Owner = {pid: process.pid, started: processStartTime(process.pid) ?? '', members};
	writeFileSync(ownerFile(folder), JSON.stringify(owner));
}

/** Removes the folders of runs whose owner process is gone, killing any member of theirs still alive. Returns what it removed. */
export function removeStaleRunDirs(): string[] {
	const root = runsRoot();
	let entries: string[];
	try {
		entries = readdirSync(root);
	} catch {
		return [];
	}

	const removed: string[] = [];
	for (const entry of entries) {
		const folder = path.join(root, entry);
		let owner: Owner | undefined;
		try {
			owner = JSON.parse(readFileSync(ownerFile(folder), 'utf8')) as Owner;
		} catch {
			// No owner file: a run killed between mkdtemp and writing it, or a stranger. Only old ones go.
			try {
				if (Date.now() - statSync(folder).mtimeMs < 60_000) continue;
			} catch {
				continue;
			}
		}

		if (owner && isAlive(owner)) continue;
		for (const pid of owner?.members ?? []) {
			if (commandMentions(pid, folder)) {
				try {
					process.kill(pid, 'SIGKILL');
				} catch {
					// Already gone.
				}
			}
		}

		removeRunDir(folder);
		removed.push(folder);
	}

	return removed;
}

/** PIDs of live etcd processes whose command line mentions `folder` (for tests and the bench). */
export function etcdProcessesUnder(folder: string): number[] {
	try {
		const output = execFileSync('ps', ['-eo', 'pid=,args='], {encoding: 'utf8'});
		return output
			.split('\n')
			.map(row => row.trim().split(/\s+/))
			.filter(([, program, ...rest]) => program !== undefined && path.basename(program) === 'etcd' && rest.join(' ').includes(folder))
			.map(([pid]) => Number(pid));
	} catch {
		return [];
	}
}
