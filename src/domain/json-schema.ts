/**
 * A small JSON Schema checker (draft 2020-12, the keywords docs/export.schema.json uses and no
 * others): the import checks every package against the published schema with it, without a
 * validator library at run time. A schema that uses a keyword this checker does not know is refused
 * outright (`unknownKeywords`), so a keyword added to the schema can never be silently ignored; the
 * tests validate the same packages with ajv as well. Pure.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface SchemaProblem {
  /** JSON Pointer of the value (`/recognitions/3/award`; `` for the root). */
  path: string;
  /** What is wrong, in the schema's words: `type string`, `required year`, `additional property x`… */
  rule: string;
}

type Schema = boolean | { [key: string]: unknown };

/** Keywords the checker applies; the annotations it reads past. */
const APPLIED = new Set([
  '$ref', 'type', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'items', 'minItems', 'maxItems', 'uniqueItems',
  'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'anyOf', 'oneOf',
]);
const ANNOTATIONS = new Set(['$schema', '$id', '$defs', '$comment', 'title', 'description', 'examples', 'default']);

/** Keywords of a schema (and of every schema inside it) that this checker does not know. */
export function unknownKeywords(schema: unknown, at = ''): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const out: string[] = [];
  const obj = schema as Record<string, unknown>;
  for (const [k, v] of Object.entries(obj)) {
    if (!APPLIED.has(k) && !ANNOTATIONS.has(k)) out.push(`${at}/${k}`);
    if (k === 'properties' || k === '$defs') for (const [name, s] of Object.entries(v as Record<string, unknown>)) out.push(...unknownKeywords(s, `${at}/${k}/${name}`));
    if (k === 'items' || k === 'additionalProperties') out.push(...unknownKeywords(v, `${at}/${k}`));
    if (k === 'anyOf' || k === 'oneOf') (v as unknown[]).forEach((s, i) => out.push(...unknownKeywords(s, `${at}/${k}/${i}`)));
  }
  return out;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === 'number' && actual === 'integer');
}

const escape = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

/** Equality of JSON values (for const, enum and uniqueItems). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => same(x, (b as unknown[])[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Code points, not UTF-16 units, as JSON Schema counts a string's length. */
const lengthOf = (s: string) => [...s].length;

export class SchemaChecker {
  private readonly patterns = new Map<string, RegExp>();

  constructor(private readonly root: Record<string, unknown>, private readonly limit = 50) {
    const unknown = unknownKeywords(root);
    if (unknown.length > 0) throw new Error(`schema keywords the checker does not apply: ${unknown.join(', ')}`);
  }

  /** Every problem of `value` (up to the limit); an empty list when it conforms. */
  check(value: unknown): SchemaProblem[] {
    const out: SchemaProblem[] = [];
    this.walk(this.root, value, '', out);
    return out.slice(0, this.limit);
  }

  private resolve(ref: string): Schema {
    const m = /^#\/\$defs\/([^/]+)$/.exec(ref);
    const defs = this.root.$defs as Record<string, Schema> | undefined;
    const s = m ? defs?.[m[1]] : undefined;
    if (s === undefined) throw new Error(`schema reference not found: ${ref}`);
    return s;
  }

  private regex(p: string): RegExp {
    let re = this.patterns.get(p);
    if (!re) {
      re = new RegExp(p, 'u');
      this.patterns.set(p, re);
    }
    return re;
  }

  private walk(schema: Schema, v: unknown, path: string, out: SchemaProblem[]): void {
    if (out.length >= this.limit) return;
    if (schema === true) return;
    if (schema === false) {
      out.push({ path, rule: 'not allowed' });
      return;
    }
    const s = schema;
    if (typeof s.$ref === 'string') this.walk(this.resolve(s.$ref), v, path, out);
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
      if (!types.some((t) => typeMatches(v, t))) {
        out.push({ path, rule: `type ${types.join('|')}` });
        return;
      }
    }
    if (s.const !== undefined && !same(v, s.const)) out.push({ path, rule: `const ${JSON.stringify(s.const)}` });
    if (Array.isArray(s.enum) && !s.enum.some((e) => same(v, e))) out.push({ path, rule: `enum ${s.enum.map((e) => JSON.stringify(e)).join(', ')}` });
    if (typeof v === 'string') {
      if (typeof s.minLength === 'number' && lengthOf(v) < s.minLength) out.push({ path, rule: `minLength ${s.minLength}` });
      if (typeof s.maxLength === 'number' && lengthOf(v) > s.maxLength) out.push({ path, rule: `maxLength ${s.maxLength}` });
      if (typeof s.pattern === 'string' && !this.regex(s.pattern).test(v)) out.push({ path, rule: `pattern ${s.pattern}` });
    }
    if (typeof v === 'number') {
      if (typeof s.minimum === 'number' && v < s.minimum) out.push({ path, rule: `minimum ${s.minimum}` });
      if (typeof s.maximum === 'number' && v > s.maximum) out.push({ path, rule: `maximum ${s.maximum}` });
    }
    if (Array.isArray(v)) {
      if (typeof s.minItems === 'number' && v.length < s.minItems) out.push({ path, rule: `minItems ${s.minItems}` });
      if (typeof s.maxItems === 'number' && v.length > s.maxItems) out.push({ path, rule: `maxItems ${s.maxItems}` });
      if (s.uniqueItems === true) {
        const seen = new Set<string>();
        for (const [i, x] of v.entries()) {
          const key = JSON.stringify(x);
          if (seen.has(key)) out.push({ path: `${path}/${i}`, rule: 'uniqueItems' });
          seen.add(key);
        }
      }
      if (s.items !== undefined) v.forEach((x, i) => this.walk(s.items as Schema, x, `${path}/${i}`, out));
    }
    if (typeOf(v) === 'object') {
      const obj = v as Record<string, unknown>;
      const props = (s.properties ?? {}) as Record<string, Schema>;
      for (const r of (s.required ?? []) as string[]) if (!Object.hasOwn(obj, r)) out.push({ path, rule: `required ${r}` });
      for (const [k, x] of Object.entries(obj)) {
        const at = `${path}/${escape(k)}`;
        if (Object.hasOwn(props, k)) this.walk(props[k], x, at, out);
        else if (s.additionalProperties === false) out.push({ path: at, rule: 'additional property' });
        else if (typeof s.additionalProperties === 'object') this.walk(s.additionalProperties as Schema, x, at, out);
      }
    }
    if (Array.isArray(s.anyOf) && !s.anyOf.some((x) => this.conforms(x as Schema, v, path))) out.push({ path, rule: 'anyOf' });
    if (Array.isArray(s.oneOf)) {
      const n = s.oneOf.filter((x) => this.conforms(x as Schema, v, path)).length;
      if (n !== 1) out.push({ path, rule: `oneOf (${n} match)` });
    }
  }

  private conforms(schema: Schema, v: unknown, path: string): boolean {
    const out: SchemaProblem[] = [];
    this.walk(schema, v, path, out);
    return out.length === 0;
  }
}
