/**
 * Issue 19, "Done when": the demo school's year exported (twice: the same bytes), imported into a fresh
 * provincial database twice (nothing changes the second time), a corrected package imported (only the
 * changed records change, each audited), a signed record never replaced silently (exit 5), and a
 * package with one changed byte refused (exit 3, nothing written). Every package conforms to the
 * published JSON Schema (checked with ajv, an independent validator, and with the import's own checker).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { unzipSync, zipSync } from 'fflate';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import schema from '../../docs/export.schema.json' with { type: 'json' };
import { checkerOf } from '../../src/services/exchange/import.js';
import { freshDb, run, tempDir } from '../helpers/cli.js';
import { copyOfSharedDemo } from '../helpers/shared-demo.js';
import { testServer } from '../helpers/engines.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Every row of the received tables and the audit count: what "nothing changed" compares. */
function state(db: string) {
  const c = new Database(db, { readonly: true });
  try {
    const rows = (q: string) => c.prepare(q).all();
    return {
      schools: rows('SELECT * FROM received_schools ORDER BY id'),
      years: rows('SELECT * FROM received_years ORDER BY school_id, year'),
      records: rows('SELECT school_id, year, id, kind, body, signed, created_at, updated_at FROM received_records ORDER BY id'),
      files: rows('SELECT school_id, year, name, sha256, size, hex(content) AS content FROM received_files ORDER BY name'),
      audit: (c.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n,
    };
  } finally {
    c.close();
  }
}

function auditOf(db: string, since: number) {
  const c = new Database(db, { readonly: true });
  try {
    return c.prepare('SELECT entity, entity_id, action, before, after FROM audit WHERE id > ? ORDER BY id').all(since) as { entity: string; entity_id: string; action: string; before: string | null; after: string | null }[];
  } finally {
    c.close();
  }
}

const maxAudit = (db: string) => {
  const c = new Database(db, { readonly: true });
  try {
    return (c.prepare('SELECT max(id) AS n FROM audit').get() as { n: number }).n;
  } finally {
    c.close();
  }
};

/** A package rebuilt after `edit` changed its files, the manifest's hashes made to agree again. */
function repack(file: string, out: string, edit: (files: Record<string, Uint8Array>) => void) {
  const files = unzipSync(readFileSync(file));
  edit(files);
  const manifest = JSON.parse(Buffer.from(files['manifest.json']).toString('utf8'));
  for (const f of manifest.files) {
    f.size = files[f.name].length;
    f.sha256 = sha(files[f.name]);
  }
  files['manifest.json'] = Buffer.from(JSON.stringify(manifest, null, 2));
  writeFileSync(out, zipSync(files));
}

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const json = (b: Uint8Array) => JSON.parse(Buffer.from(b).toString('utf8'));

describe('the exchange with the province', () => {
  let school: string;
  let signedDir: string;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir('thidua-exchange-');
    // The run's shared demo (signed with LibreOffice when the machine has it), in a private copy.
    await copyOfSharedDemo(join(dir, 'demo'));
    school = join(dir, 'demo', 'thidua-demo.sqlite');
    signedDir = join(dir, 'demo', 'chu-ky-so');
  }, 600_000);

  it.skipIf(!has('soffice'))('exports the demo year, imports it twice, takes a correction record by record, refuses signed changes and a changed byte', async () => {
    const a = join(dir, 'a.zip');
    const b = join(dir, 'b.zip');
    const first = await run(['--db', school, 'export', '--year', '2025', '--out', a, '--signed', signedDir, '--json']);
    expect(first.code, first.stderr).toBe(0);
    const printed = JSON.parse(first.stdout);
    expect(Object.keys(printed)).toEqual(expect.arrayContaining(['school', 'period', 'version', 'files']));
    expect(printed.period).toBe('2025');
    expect(printed.school.fullName).toBe('Trường Chính trị tỉnh Đồng Nai');
    expect((await run(['--db', school, 'export', '--year', '2025', '--out', b, '--signed', signedDir])).code).toBe(0);
    expect(readFileSync(b).equals(readFileSync(a))).toBe(true);
    // The same package over itself is not an error; over another file it needs --force.
    const same = await run(['--db', school, 'export', '--year', '2025', '--out', a, '--signed', signedDir]);
    expect([same.code, same.stderr]).toEqual([0, expect.stringContaining('không đổi')]);
    writeFileSync(join(dir, 'other.zip'), 'x');
    expect((await run(['--db', school, 'export', '--year', '2025', '--out', join(dir, 'other.zip')])).code).toBe(5);
    expect(readFileSync(join(dir, 'other.zip'), 'utf8')).toBe('x');

    // The package: manifest and data conform to the schema; every file's size and SHA-256 as listed.
    const files = unzipSync(readFileSync(a));
    const manifest = json(files['manifest.json']);
    const data = json(files['data.json']);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addSchema(schema, 'export');
    expect(ajv.validate('export#/$defs/manifest', manifest), ajv.errorsText()).toBe(true);
    expect(ajv.validate('export#/$defs/data', data), ajv.errorsText()).toBe(true);
    expect(checkerOf('manifest').check(manifest)).toEqual([]);
    expect(checkerOf('data').check(data)).toEqual([]);
    expect(Object.keys(files).sort()).toEqual(['manifest.json', ...manifest.files.map((f: { name: string }) => f.name)].sort());
    for (const f of manifest.files) expect([f.name, files[f.name].length, sha(files[f.name])]).toEqual([f.name, f.size, f.sha256]);
    expect(data.signatures.length).toBeGreaterThan(3);
    for (const s of data.signatures) expect(s.file).toMatch(/^documents\/2025-QD-\d\d\.pdf$/);
    expect(data.proposals.length).toBeGreaterThan(0);
    const person = data.recognitions.find((r: { subject: { kind: string } }) => r.subject.kind === 'person');
    expect(Object.keys(person.subject)).toEqual(expect.arrayContaining(['code', 'name', 'gender', 'born', 'position']));

    // Into a fresh provincial database, twice.
    const province = await freshDb();
    const imported = await province.cli(['import', a, '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const total = ['units', 'people', 'registrations', 'ratings', 'initiatives', 'nominations', 'recognitions', 'proposals', 'spread', 'documents', 'signatures']
      .reduce((n, k) => n + data[k].length, 0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ status: 'new', year: 2025, records: { added: total, changed: 0, removed: 0 }, files: { added: manifest.files.length - 1 } });
    const once = state(province.db);
    expect(once.records).toHaveLength(total);
    expect(once.files.map((f) => (f as { name: string }).name)).toEqual(manifest.files.map((f: { name: string }) => f.name).filter((n: string) => n !== 'data.json'));
    const again = await province.cli(['import', a, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).status).toBe('unchanged');
    expect(state(province.db)).toEqual(once);

    expect(JSON.parse((await province.cli(['received', 'list', '--year', '2024', '--json'])).stdout)).toEqual([]);
    expect((await province.cli(['import', join(dir, 'khong-co.zip')])).code).toBe(4);
    writeFileSync(join(dir, 'not.zip'), 'Mã,Họ và tên\n');
    expect((await province.cli(['import', join(dir, 'not.zip')])).code).toBe(3);
    expect(state(province.db)).toEqual(once);
    const listed = await province.cli(['received', 'list', '--year', '2025', '--json']);
    expect(listed.code).toBe(0);
    const [row] = JSON.parse(listed.stdout);
    expect(row).toMatchObject({ name: 'Trường Chính trị tỉnh Đồng Nai', proposals: data.proposals.length, signatures: data.signatures.length, documents: data.documents.length });
    expect(row.awaiting).toBe(data.proposals.filter((p: { decided: unknown }) => p.decided === null).length);
    const report = await province.cli(['report', 'received', '--year', '2025', '--json']);
    expect(report.code, report.stderr).toBe(0);
    const rep = JSON.parse(report.stdout);
    expect(rep.recognitions.total).toBe(data.recognitions.filter((r: { status: string }) => r.status === 'active').length);
    expect(rep.awaiting.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(data.proposals.filter((p: { decided: unknown }) => p.decided === null).map((p: { subject: { name: string } }) => p.subject.name)));

    // A corrected package: one person's position, one more replication record. The person was recognised
    // and proposed to the province: those records show the position of their date, and stay as they were.
    const copy = join(dir, 'school-2.sqlite');
    writeFileSync(copy, readFileSync(school));
    expect((await run(['--db', copy, 'person', 'edit', 'VC017', '--position', 'Phó Trưởng khoa'])).code).toBe(0);
    expect((await run(['--db', copy, 'spread', 'add', 'VC017', '--channel', 'meeting', '--date', '2025-12-15', '--note', 'Hội nghị tổng kết'])).code).toBe(0);
    const c = join(dir, 'c.zip');
    expect((await run(['--db', copy, 'export', '--year', '2025', '--out', c, '--signed', signedDir])).code).toBe(0);
    const mark = maxAudit(province.db);
    const corrected = await province.cli(['import', c, '--json']);
    expect(corrected.code, corrected.stderr).toBe(0);
    expect(JSON.parse(corrected.stdout)).toMatchObject({ status: 'updated', records: { added: 1, changed: 1, removed: 0, unchanged: total - 1 }, files: { added: 0, changed: 0, removed: 0 } });
    expect(JSON.parse(corrected.stdout).changes.map((x: { action: string; kind: string; record: string }) => [x.action, x.kind, x.record]).sort()).toEqual([
      ['create', 'spread', 'VC017 meeting 2025-12-15'],
      ['update', 'person', 'VC017 Lê Hoàng Phúc'],
    ]);
    const after = state(province.db);
    const changed = after.records.filter((r, i) => JSON.stringify(r) !== JSON.stringify(once.records.find((o) => (o as { id: string }).id === (r as { id: string }).id) ?? null)).map((r) => (r as { kind: string }).kind);
    expect(changed.sort()).toEqual(['person', 'spread']);
    const trail = auditOf(province.db, mark).filter((x) => x.entity === 'received_record');
    expect(trail.map((x) => x.action).sort()).toEqual(['create', 'update']);
    const update = trail.find((x) => x.action === 'update')!;
    expect(JSON.parse(update.before!).position).toBe('Giảng viên chính');
    expect(JSON.parse(update.after!).position).toBe('Phó Trưởng khoa');
    const rows = after.records.map((r) => r as { kind: string; body: string }).filter((r) => ['recognition', 'proposal'].includes(r.kind)).map((r) => JSON.parse(r.body));
    const theirs = rows.filter((r) => r.subject.code === 'VC017');
    expect(theirs.map((r) => r.subject.position)).toEqual(theirs.map(() => 'Giảng viên chính'));
    expect(theirs.length).toBeGreaterThan(1);

    // A signed recognition altered (the package itself consistent): refused, exit 5, naming it; nothing written.
    const signedRec = data.recognitions.find((r: { decision: { document: string | null } }) => data.signatures.some((s: { document: string }) => s.document === r.decision.document));
    const d = join(dir, 'd.zip');
    repack(c, d, (f) => {
      const x = json(f['data.json']);
      x.recognitions.find((r: { id: string }) => r.id === signedRec.id).bonus += 1000;
      f['data.json'] = Buffer.from(JSON.stringify(x, null, 2));
    });
    const before = state(province.db);
    const refused = await province.cli(['import', d]);
    expect(refused.code, refused.stderr).toBe(5);
    expect(refused.stderr).toContain(signedRec.decision.number);
    expect(refused.stderr).toContain(signedRec.subject.name);
    expect(state(province.db)).toEqual(before);

    // One changed byte in a document, the manifest left as it was: exit 3, nothing written.
    const e = join(dir, 'e.zip');
    const raw = unzipSync(readFileSync(c));
    const victim = manifest.files.find((f: { name: string }) => f.name.endsWith('.docx')).name;
    raw[victim][raw[victim].length - 30] ^= 1;
    writeFileSync(e, zipSync(raw));
    const bad = await province.cli(['import', e]);
    expect(bad.code, bad.stderr).toBe(3);
    expect(bad.stderr).toContain(victim);
    expect(state(province.db)).toEqual(before);

    // One changed byte of a signed PDF, its hashes recomputed everywhere: the signature itself fails.
    const g = join(dir, 'g.zip');
    let pdfName = '';
    repack(c, g, (f) => {
      const x = json(f['data.json']);
      const s = x.signatures[0];
      pdfName = s.file;
      const pdf = Buffer.from(f[s.file]);
      const at = pdf.indexOf('/Type /Page');
      pdf[at > 0 ? at + 2 : 200] ^= 0x20;
      f[s.file] = pdf;
      s.sha256 = sha(pdf);
      f['data.json'] = Buffer.from(JSON.stringify(x, null, 2));
    });
    const forged = await province.cli(['import', g]);
    expect(forged.code, forged.stderr).toBe(3);
    expect(forged.stderr).toContain(pdfName);
    expect(forged.stderr).toContain('chữ ký không hợp lệ');
    expect(state(province.db)).toEqual(before);

    // One changed byte anywhere in the file (a stored entry's data: the zip's own CRC catches it).
    const h = join(dir, 'h.zip');
    const bytes = Buffer.from(readFileSync(c));
    bytes[Math.floor(bytes.length / 2)] ^= 1;
    writeFileSync(h, bytes);
    const flipped = await province.cli(['import', h]);
    expect(flipped.code, flipped.stderr).toBe(3);
    expect(state(province.db)).toEqual(before);
  }, 600_000);

  it.skipIf(!has('soffice'))("writes the proposal list in the province's layout, read back cell by cell", async () => {
    const out = join(dir, 'danh-sach.xlsx');
    const r = await run(['--db', school, 'report', 'province', '--year', '2025', '--format', 'xlsx', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const proposal = JSON.parse((await run(['--db', school, '--json', 'report', 'province', '--year', '2025'])).stdout) as { school: string; proposed: { subject: string; name: string; award: string; group: string; position: string | null; unitName: string }[] };
    const people = JSON.parse((await run(['--db', school, '--json', 'person', 'list'])).stdout) as { code: string; category: string }[];
    const c = new Database(school, { readonly: true });
    const born = new Map((c.prepare('SELECT code, gender, born FROM people').all() as { code: string; gender: string | null; born: string | null }[]).map((p) => [p.code, p]));
    c.close();
    expect(proposal.proposed.length).toBeGreaterThan(1);
    const AWARD: Record<string, string> = { DHTT: '0010', LDTT: '0011', CSTDCS: '0012', TTLDTT: '0021', TTLDXS: '0022', GK: '0031' };
    const expected = [
      ['STT', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Chức vụ', 'Phòng ban', 'Đơn vị công tác', 'Mã phân loại cán bộ', 'Mã hình thức khen thưởng', 'Mã danh hiệu thi đua'],
      ...proposal.proposed.map((p, i) => {
        const person = born.get(p.subject);
        const category = person ? (people.find((x) => x.code === p.subject)!.category === 'leader' ? '01' : '02') : '03';
        return [
          i + 1, p.name, person?.gender ? (person.gender === 'nữ' ? 'Nữ' : 'Nam') : null, person?.born ? new Date(`${person.born}T00:00:00.000Z`) : null, p.position,
          p.unitName, 'Trường Chính trị tỉnh Đồng Nai', category, p.group === 'title' ? '0001' : '0002', AWARD[p.award],
        ];
      }),
    ];
    // An independent reader (read-excel-file): text stays text (codes keep their zeros), dates are dates.
    const { readSheet } = await import('read-excel-file/node');
    expect(await readSheet(readFileSync(out))).toEqual(expected);
    expect(expected.slice(1).some((row) => row[3] instanceof Date)).toBe(true);
    // LibreOffice opens it with the same cells (when Calc is installed).
    if (existsSync('/usr/lib/libreoffice/program/libsclo.so')) {
      const lo = join(dir, 'lo');
      const conv = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', lo, out], { encoding: 'utf8', timeout: 180_000 });
      expect(conv.status, conv.stderr).toBe(0);
      const lines = readFileSync(join(lo, 'danh-sach.csv'), 'utf8').trim().split('\n');
      const day = (d: unknown) => (d instanceof Date ? `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}` : d ?? '');
      // The filter quotes text cells only: the codes are text in Calc too, the number and the dates are not.
      const cell = (v: unknown) => (typeof v === 'string' ? `"${v.replace(/"/g, '""')}"` : String(day(v)));
      expect(lines).toEqual(expected.map((row) => row.map(cell).join(',')));
    }
    // The same data, the same bytes; the default layout file gives the same list.
    const again = join(dir, 'danh-sach-2.xlsx');
    expect((await run(['--db', school, 'report', 'province', '--year', '2025', '--out', again, '--layout', join(__dirname, '../../templates/bo-cuc-danh-sach-tinh.json')])).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
  }, 300_000);

  it('refuses a layout with an unknown field or a title without a code, naming each gap, writing nothing', async () => {
    const layout = JSON.parse(readFileSync(join(__dirname, '../../templates/bo-cuc-danh-sach-tinh.json'), 'utf8'));
    layout.columns.push({ title: 'Số CCCD', field: 'cccd' });
    delete layout.codes.award.TTLDXS;
    delete layout.codes.award.DHTT;
    const file = join(dir, 'bo-cuc-sai.json');
    writeFileSync(file, JSON.stringify(layout));
    const out = join(dir, 'khong-ghi.xlsx');
    const r = await run(['--db', school, 'report', 'province', '--year', '2025', '--format', 'xlsx', '--out', out, '--layout', file]);
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toContain('"Số CCCD"');
    expect(r.stderr).toContain('cccd');
    expect(existsSync(out)).toBe(false);
    // The field fixed, the titles left without a code are each named.
    layout.columns.pop();
    writeFileSync(file, JSON.stringify(layout));
    const r2 = await run(['--db', school, 'report', 'province', '--year', '2025', '--format', 'xlsx', '--out', out, '--layout', file]);
    expect(r2.code, r2.stderr).toBe(3);
    expect(r2.stderr).toContain('TTLDXS (Tập thể lao động xuất sắc)');
    expect(r2.stderr).toContain('DHTT (Điển hình tiên tiến)');
    expect(existsSync(out)).toBe(false);
    const notJson = join(dir, 'bo-cuc.txt');
    writeFileSync(notJson, 'cột: STT');
    expect((await run(['--db', school, 'report', 'province', '--year', '2025', '--format', 'xlsx', '--out', out, '--layout', notJson])).code).toBe(3);
    expect((await run(['--db', school, 'report', 'province', '--year', '2025', '--format', 'xlsx'])).code).toBe(2);
  });

  /** Seen only through the program (the engine's own files are not read): what a province's database holds. */
  async function provinceView(cli: (argv: string[]) => Promise<{ code: number; stdout: string }>) {
    const head = JSON.parse((await cli(['audit', 'head', '--json'])).stdout);
    const list = JSON.parse((await cli(['received', 'list', '--year', '2025', '--json'])).stdout);
    const report = JSON.parse((await cli(['report', 'received', '--year', '2025', '--json'])).stdout);
    return { head, list, report };
  }

  // A provincial office may keep its records on a PostgreSQL server: the same packages, the same answers.
  for (const engine of ['sqlite', 'postgres'] as const) {
  it.skipIf(!has('soffice') || (engine === 'postgres' && !testServer()))(`takes packages in through the program alone (${engine}): twice the same, a correction, and back`, async () => {
    const a = join(dir, `p-a-${engine}.zip`);
    const c = join(dir, `p-c-${engine}.zip`);
    expect((await run(['--db', school, 'export', '--year', '2025', '--out', a, '--signed', signedDir])).code).toBe(0);
    const copy = join(dir, `school-p-${engine}.sqlite`);
    writeFileSync(copy, readFileSync(school));
    expect((await run(['--db', copy, 'spread', 'add', 'VC017', '--channel', 'website', '--date', '2025-12-16', '--note', 'Bài viết tổng kết'])).code).toBe(0);
    expect((await run(['--db', copy, 'export', '--year', '2025', '--out', c, '--signed', signedDir])).code).toBe(0);
    const province = await freshDb(engine);
    const first = await province.cli(['import', a, '--json']);
    expect(first.code, first.stderr).toBe(0);
    const once = await provinceView(province.cli);
    expect(once.list).toHaveLength(1);
    const twice = await province.cli(['import', a, '--json']);
    expect([twice.code, JSON.parse(twice.stdout).status]).toEqual([0, 'unchanged']);
    expect(await provinceView(province.cli)).toEqual(once);
    const corrected = await province.cli(['import', c, '--json']);
    expect(corrected.code, corrected.stderr).toBe(0);
    expect(JSON.parse(corrected.stdout).changes.map((x: { action: string; record: string }) => [x.action, x.record])).toEqual([['create', 'VC017 website 2025-12-16']]);
    const after = await provinceView(province.cli);
    // One record and the year's new fingerprint: one audit row each, nothing else.
    expect(after.head.count).toBe(once.head.count + 2);
    // The first package again is a correction back: the replication record goes, audited.
    const back = await province.cli(['import', a, '--json']);
    expect(JSON.parse(back.stdout).changes.map((x: { action: string }) => x.action)).toEqual(['delete']);
  }, 300_000);
  }
});
