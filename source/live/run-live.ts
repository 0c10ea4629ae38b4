import {defaultLiveRate, type EtcdConfig} from '../core/etcd/config.js';
import {etcdMode} from '../core/etcd/mode.js';
import {createSession} from '../core/engine/session.js';
import {requireEtcd} from '../etcd/etcd-binary.js';
import {EtcdLiveSession} from '../etcd/live-session.js';
import type {ScenarioPlayback} from '../hooks/useScenario.js';
import type {ThemeName} from '../theme-names.js';
import {asShellMode} from './shell-mode.js';
import {releaseTerminal} from '../terminal-guard.js';

/**
 * Starts a real cluster, shows it until the user quits, then stops it and
 * removes what it made. With a scenario, plays its timeline in real time.
 */
export async function runLive(config: EtcdConfig, theme: ThemeName | false, options: {scenario?: ScenarioPlayback; record?: string} = {}): Promise<void> {
	// Say it is missing before saying it starts.
	if (!config.endpoints) requireEtcd();
	// Starting takes seconds: Ctrl+C must still stop it (the dashboard takes the terminal again when it draws).
	releaseTerminal();
	process.stderr.write(config.endpoints ? `attaching to ${config.endpoints.join(', ')} …\n` : `starting ${config.members} etcd members on loopback …\n`);
	const live = await EtcdLiveSession.start(config);
	try {
		const mode = asShellMode(etcdMode, config.endpoints ? undefined : (config.rate ?? defaultLiveRate));
		const session = createSession(mode, live.state, {paused: config.paused});
		const {runInteractive} = await import('../interactive.js');
		await runInteractive(session, {theme, live, ...options});
	} finally {
		await live.stop();
	}
}
