/**
 * `thidua import FILE.zip` on a provincial database (docs/export.md "Taking it in"). Everything is
 * checked before anything is written: the zip (zip.ts), manifest.json and data.json against the
 * published JSON Schema, every file's size and SHA-256 against the manifest, nothing in the package
 * the manifest does not list, every document and signed PDF against its record, and every signature
 * of a signed PDF (exit 3 naming each problem). The school's year is then stored under the school's
 * identifier, in one transaction: the same package again changes nothing; a corrected package
 * replaces the year record by record, each change audited; a record that was signed (a signature,
 * the document it signs, a record resting on that document) is never replaced or dropped silently:
 * the import is refused (exit 5) naming each such record.
 */
import { createHash } from 'node:crypto';
import type { ServiceContext } from '../../context.js';
import schema from '../../../docs/export.schema.json' with { type: 'json' };
import { NotFoundError, ValidationError, WorkflowError, type Detail } from '../../domain/errors.js';
import {
  canonicalJson, recordLabel, recordsOf, signedRecords, type AnyRecord, type ExportData, type Manifest,
} from '../../domain/exchange.js';
import { SchemaChecker } from '../../domain/json-schema.js';
import {
  deleteReceivedFile, deleteReceivedRecord, getReceivedSchool, getReceivedYear, insertReceivedRecord, putReceivedFile, receivedFileList,
  receivedRecords, saveReceivedSchool, saveReceivedYear, updateReceivedRecord,
} from '../../db/repos/received.js';
import { transact } from '../database.js';
import { readInputFile } from '../files.js';
import { checkPdfSignatures } from '../sign-verify.js';
import { LIMITS, readPackage } from './zip.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A checker of one part of the schema (`manifest`, `data`). */
export function checkerOf(def: 'manifest' | 'data'): SchemaChecker {
  return new SchemaChecker({ $defs: (schema as { $defs: Record<string, unknown> }).$defs, $ref: `#/$defs/${def}` });
}

function parseJson(file: string, name: string, bytes: Uint8Array | undefined): unknown {
  if (!bytes) throw new ValidationError('import.missingEntry', { file, name });
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ValidationError('import.badJson', { file, name });
  }
}

function conform(file: string, name: string, value: unknown, def: 'manifest' | 'data'): void {
  const problems = checkerOf(def).check(value);
  if (problems.length > 0) {
    throw new ValidationError('import.schema', { file, name, count: problems.length }, problems.map((p) => ({ key: 'import.schemaProblem', params: { path: p.path || '/', rule: p.rule } })));
  }
}

export interface CheckedPackage {
  manifest: Manifest;
  data: ExportData;
  files: Map<string, Uint8Array>;
  /** SHA-256 of manifest.json: the package's fingerprint. */
  fingerprint: string;
}

/** Every check of a package, before the database is touched (ValidationError listing each problem). */
export function checkPackage(file: string, bytes: Uint8Array, now: Date): CheckedPackage {
  const entries = readPackage(file, bytes, LIMITS);
  const manifestBytes = entries.get('manifest.json');
  const manifest = parseJson(file, 'manifest.json', manifestBytes) as Manifest;
  conform(file, 'manifest.json', manifest, 'manifest');
  const problems: Detail[] = [];
  const listed = new Map(manifest.files.map((f) => [f.name, f]));
  if (listed.size !== manifest.files.length) problems.push({ key: 'import.problem.listedTwice', params: {} });
  for (const f of manifest.files) {
    const got = entries.get(f.name);
    if (!got) problems.push({ key: 'import.problem.absent', params: { name: f.name } });
    else if (got.length !== f.size || sha256(got) !== f.sha256) problems.push({ key: 'import.problem.hash', params: { name: f.name } });
  }
  for (const name of entries.keys()) if (name !== 'manifest.json' && !listed.has(name)) problems.push({ key: 'import.problem.unlisted', params: { name } });
  if (problems.length > 0) throw new ValidationError('import.mismatch', { file, count: problems.length }, problems);

  const data = parseJson(file, 'data.json', entries.get('data.json')) as ExportData;
  conform(file, 'data.json', data, 'data');
  if (canonicalJson(data.school) !== canonicalJson(manifest.school)) problems.push({ key: 'import.problem.school', params: {} });
  if (String(data.year) !== manifest.period) problems.push({ key: 'import.problem.period', params: { year: data.year, period: manifest.period } });
  const ids = new Set<string>();
  for (const { record } of recordsOf(data)) {
    if (ids.has(record.id)) problems.push({ key: 'import.problem.duplicateId', params: { id: record.id } });
    ids.add(record.id);
  }
  const documents = new Map(data.documents.map((d) => [d.id, d]));
  for (const d of data.documents) {
    const f = listed.get(d.file);
    if (!f || f.sha256 !== d.sha256 || f.size !== d.size) problems.push({ key: 'import.problem.document', params: { symbol: d.symbol, name: d.file } });
  }
  for (const s of data.signatures) {
    const doc = documents.get(s.document);
    const symbol = doc?.symbol ?? s.document;
    if (!doc) problems.push({ key: 'import.problem.signatureDocument', params: { symbol } });
    if (s.file === null) continue;
    const pdf = listed.has(s.file) ? entries.get(s.file) : undefined;
    if (!pdf || sha256(pdf) !== s.sha256 || pdf.length !== s.size) {
      problems.push({ key: 'import.problem.signedFile', params: { symbol, name: s.file } });
      continue;
    }
    const bad = checkPdfSignatures(Buffer.from(pdf), null, now).problems;
    if (bad.length > 0) problems.push({ key: 'import.problem.signature', params: { symbol, name: s.file } }, ...bad.map((p) => ({ key: p.key, params: p.params })));
  }
  if (problems.length > 0) throw new ValidationError('import.mismatch', { file, count: problems.length }, problems);
  return { manifest, data, files: entries, fingerprint: sha256(manifestBytes!) };
}

export interface ImportResult {
  file: string;
  school: { id: string; name: string };
  year: number;
  /** `new`: the school's year was not there; `unchanged`: the same package again; `updated`: a corrected package. */
  status: 'new' | 'unchanged' | 'updated';
  records: { added: number; changed: number; removed: number; unchanged: number };
  files: { added: number; changed: number; removed: number; unchanged: number };
  /** Each record added, changed or removed, named the way a person knows it. */
  changes: { action: 'create' | 'update' | 'delete'; kind: string; id: string; record: string }[];
}

export async function importPackage(ctx: ServiceContext, file: string): Promise<ImportResult> {
  const read = await readInputFile(file, LIMITS.file);
  if ('problem' in read) {
    if (read.problem === 'missing') throw new NotFoundError('import.fileMissing', { file });
    if (read.problem === 'tooBig') throw new ValidationError('import.zip.tooBig', { file, mb: '>', max: LIMITS.file / 1024 / 1024 });
    throw new ValidationError('import.package.unreadable', { file });
  }
  const pkg = checkPackage(file, read.bytes, new Date(ctx.clock.now()));
  const { data, manifest } = pkg;
  const school = data.school;
  const year = data.year;
  const now = ctx.clock.now();
  return transact(ctx, async (trx, audit) => {
    const result: ImportResult = {
      file, school: { id: school.id, name: school.fullName }, year, status: 'new',
      records: { added: 0, changed: 0, removed: 0, unchanged: 0 }, files: { added: 0, changed: 0, removed: 0, unchanged: 0 }, changes: [],
    };
    const known = await getReceivedYear(trx, school.id, year);
    if (known && known.package_sha256 === pkg.fingerprint) {
      result.status = 'unchanged';
      result.records.unchanged = recordsOf(data).length;
      result.files.unchanged = manifest.files.length - 1;
      return result;
    }
    if (known) result.status = 'updated';
    const where = (id: string) => `${school.id}/${year}/${id}`;

    // What changes, record by record; a signed record changed or dropped stops everything.
    const before = new Map((await receivedRecords(trx, school.id, year)).map((r) => [r.id, r]));
    const signed = signedRecords(data);
    const incoming = recordsOf(data).map(({ kind, record }) => ({ kind, record, body: canonicalJson(record), signed: signed.has(record.id) ? 1 : 0 }));
    const blocked: Detail[] = [];
    const incomingIds = new Set(incoming.map((r) => r.record.id));
    for (const r of incoming) {
      const old = before.get(r.record.id);
      if (old && old.signed === 1 && old.body !== r.body) blocked.push({ key: 'import.signedChanged', params: { kind: r.kind, record: recordLabel(r.kind, r.record) } });
    }
    for (const old of before.values()) {
      if (!incomingIds.has(old.id) && old.signed === 1) blocked.push({ key: 'import.signedDropped', params: { kind: old.kind, record: recordLabel(old.kind, JSON.parse(old.body) as AnyRecord) } });
    }
    if (blocked.length > 0) throw new WorkflowError('import.signedRefused', { school: school.fullName, year, count: blocked.length }, blocked);

    const schoolRow = { id: school.id, name: school.name, full_name: school.fullName, parent_body: school.parentBody, symbol: school.symbol, place: school.place, created_at: now, updated_at: now };
    const oldSchool = await getReceivedSchool(trx, school.id);
    const schoolView = (s: typeof schoolRow) => ({ name: s.name, fullName: s.full_name, parentBody: s.parent_body, symbol: s.symbol, place: s.place });
    if (!oldSchool || canonicalJson(schoolView(oldSchool)) !== canonicalJson(schoolView(schoolRow))) {
      await saveReceivedSchool(trx, schoolRow, !!oldSchool);
      await audit({ entity: 'received_school', entityId: school.id, action: oldSchool ? 'update' : 'create', before: oldSchool && schoolView(oldSchool), after: schoolView(schoolRow) });
    }
    await saveReceivedYear(trx, { school_id: school.id, year, manifest: JSON.stringify(manifest), package_sha256: pkg.fingerprint, version: manifest.version, received_at: now, updated_at: now }, !!known);
    await audit({
      entity: 'received_year', entityId: `${school.id}/${year}`, action: known ? 'update' : 'create',
      before: known && { package: known.package_sha256, version: known.version }, after: { package: pkg.fingerprint, version: manifest.version },
    });

    for (const r of incoming) {
      const old = before.get(r.record.id);
      if (!old) {
        await insertReceivedRecord(trx, { school_id: school.id, year, id: r.record.id, kind: r.kind, body: r.body, signed: r.signed, created_at: now, updated_at: now });
        await audit({ entity: 'received_record', entityId: where(r.record.id), action: 'create', after: r.record });
        if (known) result.changes.push({ action: 'create', kind: r.kind, id: r.record.id, record: recordLabel(r.kind, r.record) });
        result.records.added++;
      } else if (old.body !== r.body || old.kind !== r.kind || old.signed !== r.signed) {
        await updateReceivedRecord(trx, school.id, year, r.record.id, { kind: r.kind, body: r.body, signed: r.signed, updated_at: now });
        await audit({ entity: 'received_record', entityId: where(r.record.id), action: 'update', before: JSON.parse(old.body), after: r.record });
        result.changes.push({ action: 'update', kind: r.kind, id: r.record.id, record: recordLabel(r.kind, r.record) });
        result.records.changed++;
      } else result.records.unchanged++;
    }
    for (const old of before.values()) {
      if (incomingIds.has(old.id)) continue;
      await deleteReceivedRecord(trx, school.id, year, old.id);
      await audit({ entity: 'received_record', entityId: where(old.id), action: 'delete', before: JSON.parse(old.body) });
      result.changes.push({ action: 'delete', kind: old.kind, id: old.id, record: recordLabel(old.kind, JSON.parse(old.body) as AnyRecord) });
      result.records.removed++;
    }

    const oldFiles = new Map((await receivedFileList(trx, school.id, year)).map((f) => [f.name, f]));
    for (const f of manifest.files) {
      if (f.name === 'data.json') continue;
      const old = oldFiles.get(f.name);
      if (old && old.sha256 === f.sha256) {
        result.files.unchanged++;
        continue;
      }
      await putReceivedFile(trx, { school_id: school.id, year, name: f.name, sha256: f.sha256, size: f.size, content: pkg.files.get(f.name)!, created_at: now }, !!old);
      await audit({ entity: 'received_file', entityId: where(f.name), action: old ? 'update' : 'create', before: old && { sha256: old.sha256, size: old.size }, after: { sha256: f.sha256, size: f.size } });
      if (old) result.files.changed++;
      else result.files.added++;
    }
    const names = new Set(manifest.files.map((f) => f.name));
    for (const old of oldFiles.values()) {
      if (names.has(old.name)) continue;
      await deleteReceivedFile(trx, school.id, year, old.name);
      await audit({ entity: 'received_file', entityId: where(old.name), action: 'delete', before: { sha256: old.sha256, size: old.size } });
      result.files.removed++;
    }
    return result;
  });
}
