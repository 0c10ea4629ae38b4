import {spawn, type ChildProcess} from 'node:child_process';

/**
 * A tiny shell process that outlives this one to clean up after it. It reads
 * member PIDs from a pipe; when the pipe closes (this process ended, however
 * it ended, SIGKILL included), it kills those still running etcd out of the
 * run folder and removes the folder (and the runs root, if no other run is left in it). It runs in its own session and ignores
 * terminal signals, so a Ctrl+C to the terminal's process group does not stop it.
 */
const script = String.raw`
trap '' INT TERM HUP QUIT
dir=$1
pids=
while read -r pid; do pids="$pids $pid"; done
ours() { grep -qaF -- "$dir" "/proc/$1/cmdline" 2>/dev/null; }
for pid in $pids; do ours "$pid" && kill -9 "$pid" 2>/dev/null; done
for attempt in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
  alive=
  for pid in $pids; do ours "$pid" && alive=1; done
  [ -z "$alive" ] && break
  sleep 0.1
done
rm -rf -- "$dir"
rmdir -- "$(dirname -- "$dir")" 2>/dev/null
`;

export type Sentinel = {
	/** Tells it about a member process to kill if this process dies. */
	watch(pid: number): void;
	/** Ends it without cleaning (this process cleaned up itself). */
	dismiss(): void;
};

export function startSentinel(folder: string): Sentinel | undefined {
	let child: ChildProcess;
	try {
		child = spawn('/bin/sh', ['-c', script, 'replica-tui-etcd-sentinel', folder], {detached: true, stdio: ['pipe', 'ignore', 'ignore']});
	} catch {
		return undefined;
	}

	child.on('error', () => undefined);
	child.stdin?.on('error', () => undefined);
	child.unref();
	// The pipe must not keep the event loop alive either.
	(child.stdin as unknown as {unref?: () => void} | null)?.unref?.();
	return {
		watch(pid) {
			child.stdin?.write(`${pid}\n`);
		},
		dismiss() {
			if (child.exitCode === null && child.pid !== undefined) {
				try {
					process.kill(child.pid, 'SIGKILL');
				} catch {
					// Already gone.
				}
			}
		},
	};
}
