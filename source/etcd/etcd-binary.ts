import {execFileSync} from 'node:child_process';
import {accessSync, constants} from 'node:fs';
import path from 'node:path';
import {UsageError} from '../core/engine/usage-error.js';

export type EtcdBinary = {readonly path: string; readonly version: string};

/** How to get etcd, in one line. */
export const installHint = 'etcd is not installed: on Debian or Ubuntu run `sudo apt-get install etcd-server`, elsewhere get it from https://github.com/etcd-io/etcd/releases (or put it on PATH, or set REPLICA_TUI_ETCD=/path/to/etcd)';

function executable(file: string): boolean {
	try {
		accessSync(file, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** `name` on PATH, else undefined. */
export function onPath(name: string): string | undefined {
	for (const folder of (process.env['PATH'] ?? '').split(path.delimiter)) {
		if (folder === '') continue;
		const candidate = path.join(folder, name);
		if (executable(candidate)) return candidate;
	}

	return undefined;
}

/** Found binaries by REPLICA_TUI_ETCD (or '' without it): `etcd --version` costs ~20 ms. */
const cache = new Map<string, EtcdBinary>();

/** The etcd binary (REPLICA_TUI_ETCD, else etcd on PATH, else Debian's /usr/bin/etcd) and its version; undefined if none runs. */
export function findEtcd(): EtcdBinary | undefined {
	const override = process.env['REPLICA_TUI_ETCD'];
	const known = cache.get(override ?? '');
	if (known) return known;
	const candidates = override ? [override] : [onPath('etcd'), '/usr/bin/etcd', '/usr/local/bin/etcd'].filter((file): file is string => file !== undefined);
	for (const file of candidates) {
		if (!executable(file)) continue;
		try {
			const output = execFileSync(file, ['--version'], {encoding: 'utf8', timeout: 5000, env: withoutEtcdVariables(process.env), stdio: ['ignore', 'pipe', 'ignore']});
			const version = /etcd Version:\s*(\S+)/.exec(output)?.[1];
			if (version) {
				const binary = {path: file, version};
				cache.set(override ?? '', binary);
				return binary;
			}
		} catch {
			// Not a working etcd; try the next.
		}
	}

	return undefined;
}

/** The etcd binary, or a UsageError saying in one line how to install it (the CLI exits 2). */
export function requireEtcd(): EtcdBinary {
	const binary = findEtcd();
	if (!binary) throw new UsageError(installHint);
	return binary;
}

/** etcd 3.4 exits when an ETCD_* variable duplicates a flag: members get an environment without them. */
export function withoutEtcdVariables(environment: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(environment).filter(([name]) => !name.startsWith('ETCD_')));
}

/** setpriv (util-linux) makes the kernel kill a member when this process dies; without it, members are killed by PID only. */
export function findSetpriv(): string | undefined {
	return process.platform === 'linux' ? (onPath('setpriv') ?? (executable('/usr/bin/setpriv') ? '/usr/bin/setpriv' : undefined)) : undefined;
}
