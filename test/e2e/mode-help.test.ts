/** `replica-tui <mode> --help` prints the mode's own help: its usage, every flag it takes with its meaning, and its keys. */
import {describe, expect, test} from 'vitest';
import {etcdMode} from '../../source/core/etcd/mode.js';
import {modes} from '../../source/core/modes.js';
import {helpedFlags} from '../../source/mode-help.js';
import {run} from './run.js';

const dashed = (name: string) => name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);

describe('a mode\'s own --help', () => {
	test.each([
		['raft', ['--servers N', '--election LOW-HIGH', '--bug NAME', '--prevote'], ['p  ', 'B  ', '[ ]', 'r / R'], 'raft fuzz'],
		['order', ['--clients N', '--heartbeats', '--stall-after MS'], ['k  ', 'n  ', 'i  '], 'scenarios order'],
		['sourcing', ['--rate R', '--journal N'], ['d  ', 'r / R  ', 'g  '], 'scenarios sourcing'],
		['etcd', ['--members N', '--endpoints URLS', '--pre-vote', '--fault SPEC'], ['x  ', 'z  ', 'v  '], 'etcd --steps N'],
	])('%s --help gives its flags with their meanings and its keys, not the general help', (name, flags, keys, usage) => {
		const {code, stdout, stderr} = run([name, '--help']);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		expect(stdout).toContain(`replica-tui ${name}: `);
		expect(stdout).toContain(usage);
		for (const flag of flags) expect(stdout).toMatch(new RegExp(`^ {4}${flag.replaceAll(/[[\]|]/g, '\\$&')} +\\S`, 'm'));
		for (const key of keys) expect(stdout).toMatch(new RegExp(`^ {4}${key.replaceAll(/[[\]]/g, '\\$&')}`, 'm'));
		// The shell's keys too, and not the general help's list of every mode's flags.
		expect(stdout).toMatch(name === 'etcd' ? /^ {4}space +turn the writes on or off$/m : /^ {4}space +run or pause$/m);
		if (name === 'etcd') expect(stdout).not.toContain('step back');
		expect(stdout).not.toContain('Other modes\' own flags');
		expect(stdout).not.toContain('--replicas N');
	});

	test('voting --help is the voting mode\'s, with its faults', () => {
		const {code, stdout} = run(['voting', '--help']);
		expect(code).toBe(0);
		expect(stdout).toMatch(/^ {4}--replicas N +1 to 9 replicas/m);
		expect(stdout).toMatch(/^ {4}skip +\S/m);
	});

	test.each([...Object.values(modes), etcdMode].map(mode => [mode.name, mode] as const))('every flag of the %s mode has a line in its --help', (name, mode) => {
		const listed = new Set(helpedFlags(name));
		for (const flag of Object.keys(mode.flags)) expect(listed, `--${dashed(flag)}`).toContain(dashed(flag));
	});
});
