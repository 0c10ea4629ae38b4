/**
 * Issue 19 item 6: docs/lecture-guide.md follows the course module's order
 * and gives, for each bundled scenario, a question at every pause point: its
 * table has one row per pause point (numbered as `record --stills` numbers
 * them) and one for the end. Scenarios of the modes whose section waits for
 * `replica-tui course` to list them (none today) are left to that section.
 */
import {readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {bundledNames, loadScenario} from '../../source/scenario/bundled.js';

const guide = readFileSync(new URL('../../docs/lecture-guide.md', import.meta.url), 'utf8');
/** Modes whose scenarios the guide's section names through `replica-tui course` rather than table by table. */
const listedByTheCourse = new Set<string>([]);

/** The guide's part on one scenario: from its `### \`name\`` heading (or a `\`name\`:` line above its table) to the next heading or such line. */
function part(name: string): string | undefined {
	const start = guide.search(new RegExp(`^(### \`${name}\`.*|\`${name}\`:)$`, 'm'));
	if (start < 0) return undefined;
	const rest = guide.slice(guide.indexOf('\n', start) + 1);
	const end = rest.search(/^(#{2,3} |`[a-z-]+`:$)/m);
	return end < 0 ? rest : rest.slice(0, end);
}

/** The first cells of the part's table rows: the pause numbers and "end". */
function rowLabels(text: string): string[] {
	return text.split('\n').filter(line => /^\| (\d+|end) \|/.test(line)).map(line => line.split('|')[1]!.trim());
}

describe('the lecture guide', () => {
	test('its sections follow the course module, in its order', () => {
		const sections = [...guide.matchAll(/^## \d\. (.+)$/gm)].map(match => match[1]);
		expect(sections).toEqual(['State machines and the need for replication', 'Total ordering architectures', 'Consensus algorithms', 'Log replication', 'Raft', 'Aeron Cluster', 'Command sourcing vs event sourcing']);
	});

	test.each(bundledNames())('%s: a question at each pause point, numbered as the stills are', name => {
		const scenario = loadScenario(name);
		if (listedByTheCourse.has(scenario.mode.name)) {
			expect(guide).toContain(`\`replica-tui ${scenario.mode.name}\``);
			return;
		}

		const text = part(name);
		expect(text, `docs/lecture-guide.md has no part on ${name}`).toBeDefined();
		const pauses = scenario.steps.filter(step => step.kind === 'pause').length;
		const numbers = Array.from({length: pauses}, (_, i) => String(i + 1));
		const labels = rowLabels(text!);
		// The last pause point may be where the scenario ends: then its row is the end's.
		expect([[...numbers, 'end'], numbers].map(String)).toContain(String(labels));
	});
});
