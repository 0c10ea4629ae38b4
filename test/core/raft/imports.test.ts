/**
 * The Raft core's files import each other without a circle (election and
 * replication share role changes through roles.ts instead of importing each
 * other).
 */
import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, test} from 'vitest';

const root = path.resolve('source/core/raft');

function files(folder: string): string[] {
	return readdirSync(folder).flatMap(name => {
		const full = path.join(folder, name);
		return statSync(full).isDirectory() ? files(full) : name.endsWith('.ts') ? [full] : [];
	});
}

/** Value imports only: `import type` does not load a module. */
function imports(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const found: string[] = [];
	for (const match of text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'(\.[^']+)'/gms)) {
		found.push(path.resolve(path.dirname(file), match[1]!.replace(/\.js$/, '.ts')));
	}

	return found.filter(target => target.startsWith(root));
}

function findCircle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const visit = (node: string): string[] | undefined => {
		if (state.get(node) === 'done') return undefined;
		if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
		state.set(node, 'open');
		stack.push(node);
		for (const next of graph.get(node) ?? []) {
			const circle = visit(next);
			if (circle) return circle;
		}

		stack.pop();
		state.set(node, 'done');
		return undefined;
	};

	for (const node of graph.keys()) {
		const circle = visit(node);
		if (circle) return circle;
	}

	return undefined;
}

describe('the Raft core imports', () => {
	test('no file imports itself through others', () => {
		const graph = new Map(files(root).map(file => [file, imports(file)]));
		expect(graph.size).toBeGreaterThan(10);
		const circle = findCircle(graph)?.map(file => path.relative(root, file));
		expect(circle).toBeUndefined();
	});

	test('the finder does find a circle', () => {
		expect(findCircle(new Map([['a', ['b']], ['b', ['a']]]))).toEqual(['a', 'b', 'a']);
	});
});
