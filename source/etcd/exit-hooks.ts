/**
 * Cleanups that must run however this process ends: on exit (normal, an
 * uncaught error, process.exit) and on SIGINT, SIGTERM and SIGHUP. Each
 * cleanup is synchronous (kill by PID, remove folders). After a signal, if
 * nobody else listens for it, the process ends by that signal as it would have.
 */
const cleanups = new Set<() => void>();
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function runAll(): void {
	for (const cleanup of [...cleanups]) {
		cleanups.delete(cleanup);
		try {
			cleanup();
		} catch {
			// Keep going: the other clusters still need cleaning.
		}
	}
}

function onSignal(signal: NodeJS.Signals): void {
	runAll();
	uninstall();
	// Another listener (the shell) decides what happens next; with none, die by the signal as the default would.
	if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

let installed = false;

function install(): void {
	if (installed) return;
	installed = true;
	process.on('exit', runAll);
	for (const signal of signals) process.on(signal, onSignal);
}

function uninstall(): void {
	if (!installed) return;
	installed = false;
	process.off('exit', runAll);
	for (const signal of signals) process.off(signal, onSignal);
}

/** Registers a cleanup; returns a function that unregisters it (after the owner cleaned up itself). */
export function onProcessEnd(cleanup: () => void): () => void {
	cleanups.add(cleanup);
	install();
	return () => {
		cleanups.delete(cleanup);
		if (cleanups.size === 0) uninstall();
	};
}
