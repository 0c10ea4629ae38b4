#!/usr/bin/env node
// Makes sure etcd is there for the etcd mode's tests (npm test runs this first).
// - etcd found (REPLICA_TUI_ETCD, PATH, /usr/bin/etcd): nothing to do.
// - missing, on Debian/Ubuntu as root: installs Debian's etcd-server with apt-get.
// - missing and not installable here: says the etcd tests will be skipped and why,
//   except on CI (CI or CONTINUOUS_INTEGRATION set), where it fails the run.
import {execFileSync, spawnSync} from 'node:child_process';
import {accessSync, constants, existsSync} from 'node:fs';
import path from 'node:path';

const say = text => process.stderr.write(`ensure-etcd: ${text}\n`);
const onCi = Boolean(process.env.CI || process.env.CONTINUOUS_INTEGRATION);
const hint = 'on Debian or Ubuntu run `sudo apt-get install etcd-server`; elsewhere get etcd from https://github.com/etcd-io/etcd/releases and put it on PATH (or set REPLICA_TUI_ETCD)';

function executable(file) {
	try {
		accessSync(file, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

function findEtcd() {
	const folders = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
	const candidates = process.env.REPLICA_TUI_ETCD ? [process.env.REPLICA_TUI_ETCD] : [...folders.map(folder => path.join(folder, 'etcd')), '/usr/bin/etcd', '/usr/local/bin/etcd'];
	for (const file of candidates) {
		if (!executable(file)) continue;
		try {
			const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('ETCD_')));
			const output = execFileSync(file, ['--version'], {encoding: 'utf8', timeout: 5000, env, stdio: ['ignore', 'pipe', 'ignore']});
			const version = /etcd Version:\s*(\S+)/.exec(output)?.[1];
			if (version) return {file, version};
		} catch {
			// Not a working etcd.
		}
	}

	return undefined;
}

function canInstall() {
	if (process.platform !== 'linux' || process.getuid?.() !== 0) return 'installing needs root on Debian or Ubuntu';
	if (!existsSync('/etc/debian_version')) return 'this is not Debian or Ubuntu';
	if (!folderHas('apt-get')) return 'apt-get is missing';
	return undefined;
}

function folderHas(name) {
	return (process.env.PATH ?? '').split(path.delimiter).some(folder => folder && executable(path.join(folder, name)));
}

function apt(...args) {
	const result = spawnSync('apt-get', args, {stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: {...process.env, DEBIAN_FRONTEND: 'noninteractive'}});
	return result.status === 0 ? undefined : (result.stderr.trim().split('\n').at(-1) ?? `apt-get exited with ${result.status}`);
}

const found = findEtcd();
if (found) process.exit(0);
if (process.env.REPLICA_TUI_ETCD) {
	say(`REPLICA_TUI_ETCD=${process.env.REPLICA_TUI_ETCD} is not a working etcd: the etcd tests ${onCi ? 'cannot run' : 'will be skipped'}`);
	process.exit(onCi ? 1 : 0);
}

const why = canInstall();
if (why) {
	if (onCi) {
		say(`etcd is not installed, and ${why}: the etcd tests cannot run, and on CI they must (${hint})`);
		process.exit(1);
	}

	say(`etcd is not installed and ${why}: the etcd tests will be skipped. To run them, ${hint}.`);
	process.exit(0);
}

say('etcd is not installed: installing Debian\'s etcd-server for the etcd tests (apt-get, about 10 s)');
const started = performance.now();
let failure = apt('install', '-y', '--no-install-recommends', 'etcd-server');
// A fresh machine may have no package lists yet.
if (failure) failure = apt('update') ?? apt('install', '-y', '--no-install-recommends', 'etcd-server');
const installed = findEtcd();
if (!installed) {
	say(`could not install etcd-server (${failure ?? 'etcd still missing'})${onCi ? '' : ': the etcd tests will be skipped'}`);
	process.exit(onCi ? 1 : 0);
}

say(`installed etcd ${installed.version} in ${((performance.now() - started) / 1000).toFixed(1)} s. On machines with systemd the package also enables etcd.service on ports 2379/2380; the app and its tests never use those ports (\`systemctl disable --now etcd\` stops it).`);
