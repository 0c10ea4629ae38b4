import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {isLive} from '../live/shell-mode.js';
import {parseScenario} from './parse.js';
import type {Scenario} from './types.js';

/** The scenarios shipped with replica-tui, in scenarios/ at the package root. */
export const bundledFolder = fileURLToPath(new URL('../../scenarios/', import.meta.url));

export function bundledNames(): string[] {
	return readdirSync(bundledFolder)
		.filter(file => file.endsWith('.scenario'))
		.map(file => file.replace(/\.scenario$/, ''))
		.sort();
}

/** The bundled scenarios of the simulated modes: those that need no etcd and play on a virtual clock. */
export function simulatedBundledNames(): string[] {
	return bundledNames().filter(name => !isLive(loadScenario(name).mode));
}

/** The bundled scenarios that run a real etcd cluster in real time. */
export function liveBundledNames(): string[] {
	return bundledNames().filter(name => isLive(loadScenario(name).mode));
}

export function loadBundled(): Scenario[] {
	return bundledNames().map(name => loadScenario(name));
}

/** Loads a bundled scenario by name, or a scenario file by path. Throws ScenarioError or a plain Error. */
export function loadScenario(nameOrFile: string): Scenario {
	const bundled = path.join(bundledFolder, `${nameOrFile}.scenario`);
	const file = /^[\w-]+$/.test(nameOrFile) && existsSync(bundled) ? bundled : nameOrFile;
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') throw new Error(`no scenario named "${nameOrFile}" and no such file (see replica-tui scenarios)`);
		if (code === 'EISDIR') throw new Error(`"${nameOrFile}" is a folder, not a scenario file`);
		throw new Error(`cannot read scenario "${nameOrFile}": ${code ?? String(error)}`);
	}

	return parseScenario(text, file === bundled ? `${nameOrFile}.scenario` : file);
}
