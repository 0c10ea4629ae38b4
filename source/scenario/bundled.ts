import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseScenario} from './parse.js';
import type {Scenario} from './types.js';

/** The scenarios shipped with replica-tui, in scenarios/ at the package root. */
export const bundledFolder = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** Whether this build can play a scenario file: it names no mode, or the voting mode (other modes' scenarios wait for the shell's mode dispatch). */
function playableHere(file: string): boolean {
	const mode = /^mode\s+(\S+)/m.exec(readFileSync(path.join(bundledFolder, file), 'utf8'))?.[1];
	return mode === undefined || mode === 'voting';
}

export function bundledNames(): string[] {
	return readdirSync(bundledFolder)
		.filter(file => file.endsWith('.scenario') && playableHere(file))
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
