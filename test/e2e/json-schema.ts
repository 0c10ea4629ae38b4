/**
 * A small JSON Schema (2020-12) checker for the keywords our schemas use:
 * type, enum, const, properties, required, additionalProperties, items,
 * minItems, maxItems, minimum, maximum, pattern, anyOf, oneOf and local $ref.
 * It refuses any other keyword, so a schema cannot silently ask for more.
 */
type Schema = Record<string, unknown>;

const annotations = new Set(['$schema', '$defs', 'title', 'description']);
const known = new Set([...annotations, 'type', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'items', 'minItems', 'maxItems', 'minimum', 'maximum', 'pattern', 'anyOf', 'oneOf', '$ref']);

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

function resolve(root: Schema, ref: string): Schema {
	if (!ref.startsWith('#/')) throw new Error(`only local $ref is supported: ${ref}`);
	let node: unknown = root;
	for (const part of ref.slice(2).split('/')) node = (node as Schema)[part];
	if (!node) throw new Error(`unresolved $ref ${ref}`);
	return node as Schema;
}

/** Every way `value` breaks `schema`, as "path: what" lines; empty when it conforms. */
export function violations(root: Schema, value: unknown, schema: Schema = root, path = '$'): string[] {
	for (const keyword of Object.keys(schema)) if (!known.has(keyword)) throw new Error(`unsupported keyword "${keyword}" at ${path}`);
	const errors: string[] = [];
	if (schema.$ref) errors.push(...violations(root, value, resolve(root, schema.$ref as string), path));
	const type = typeOf(value);
	if (schema.type !== undefined) {
		const allowed = [schema.type].flat() as string[];
		if (!allowed.includes(type) && !(type === 'integer' && allowed.includes('number'))) return [...errors, `${path}: ${type}, expected ${allowed.join(' or ')}`];
	}

	if (schema.enum && !(schema.enum as unknown[]).some(option => option === value)) errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
	if ('const' in schema && schema.const !== value) errors.push(`${path}: expected ${JSON.stringify(schema.const)}`);
	if (typeof value === 'number') {
		if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: ${value} < ${schema.minimum}`);
		if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: ${value} > ${schema.maximum}`);
	}

	if (typeof value === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) errors.push(`${path}: "${value}" does not match ${schema.pattern}`);
	if (Array.isArray(value)) {
		if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${path}: fewer than ${schema.minItems} items`);
		if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) errors.push(`${path}: more than ${schema.maxItems} items`);
		if (schema.items) for (const [i, item] of value.entries()) errors.push(...violations(root, item, schema.items as Schema, `${path}[${i}]`));
	}

	if (type === 'object') {
		const object = value as Record<string, unknown>;
		const properties = (schema.properties ?? {}) as Record<string, Schema>;
		for (const name of (schema.required ?? []) as string[]) if (!(name in object)) errors.push(`${path}: missing "${name}"`);
		for (const [name, item] of Object.entries(object)) {
			if (properties[name]) errors.push(...violations(root, item, properties[name], `${path}.${name}`));
			else if (schema.additionalProperties === false) errors.push(`${path}: undocumented field "${name}"`);
			else if (typeof schema.additionalProperties === 'object') errors.push(...violations(root, item, schema.additionalProperties as Schema, `${path}.${name}`));
		}
	}

	if (schema.anyOf && !(schema.anyOf as Schema[]).some(option => violations(root, value, option, path).length === 0)) errors.push(`${path}: matches none of anyOf`);
	if (schema.oneOf) {
		const matching = (schema.oneOf as Schema[]).filter(option => violations(root, value, option, path).length === 0).length;
		if (matching !== 1) errors.push(`${path}: matches ${matching} of oneOf, expected exactly 1`);
	}

	return errors;
}
