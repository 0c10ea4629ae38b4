import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseScenario} from './parse.js';
import type {Scenario} from './types.js';

/** The scenarios shipped with replica-tui, in scenarios/ at the package root. */
export const bundledFolder = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/**
 * The mode a scenario file names in its header ("mode sourcing"), voting when
 * it names none. This build plays voting scenarios only; scenarios of modes
 * it cannot play yet (they ship with their mode's core) are left out until
 * the shell plays every mode.
 */
function namedMode(file: string): string {
	const line = readFileSync(path.join(bundledFolder, file), 'utf8')
		.split(/\r?\n/)
		.find(text => /^mode\s/.test(text.trim()));
	return line?.trim().split(/\s+/)[1] ?? 'voting';
}

export function bundledNames(): string[] {
	return readdirSync(bundledFolder)
		.filter(file => file.endsWith('.scenario') && namedMode(file) === 'voting')
		.map(file => file.replace(/\.scenario$/, ''))
		.sort();
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
