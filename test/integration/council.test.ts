import { describe, expect, it } from 'vitest';
import { schoolDb, type RunResult, type RunOptions } from '../helpers/cli.js';
import { forEachEngine } from '../helpers/engines.js';

type Cli = (argv: string[], opts?: RunOptions) => Promise<RunResult>;

/** The school of schoolDb() plus three more people: VC004 Phạm Minh Đức, VC005 Lê Thị Bình, VC010 Lê Văn Tư. */
async function councilSchool(): Promise<{ cli: Cli }> {
  const env = await schoolDb();
  for (const [code, name] of [['VC004', 'Phạm Minh Đức'], ['VC005', 'Lê Thị Bình'], ['VC010', 'Lê Văn Tư']]) {
    const r = await env.cli(['person', 'add', code, '--name', name, '--unit', 'KLLCS', '--category', 'staff']);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  return env;
}

const ROLL = ['--chair', 'VC001', '--vice', 'VC004', '--member', 'VC003', '--member', 'VC002', '--secretary', 'VC010'];

async function auditOf(cli: Cli, entity: string) {
  const r = await cli(['audit', 'list', '--entity', entity, '--json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { action: string; before: unknown; after: unknown }[];
}

forEachEngine(() => {
describe('council set', () => {
  it('sets a roll and shows it chair, vice, members by given name, secretary', async () => {
    const { cli } = await councilSchool();
    const set = await cli(['council', 'set', '--kind', 'initiative', '--year', '2026', ...ROLL, '--json']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stderr).toContain('Hội đồng sáng kiến năm 2026: 5 người');
    const council = JSON.parse(set.stdout);
    expect(Object.keys(council).sort()).toEqual(['id', 'kind', 'members', 'year']);
    expect(council).toMatchObject({ kind: 'initiative', year: 2026 });
    expect(council.members).toEqual([
      { code: 'VC001', name: 'Trần Văn Thịnh', role: 'chair' },
      { code: 'VC004', name: 'Phạm Minh Đức', role: 'vice' },
      { code: 'VC003', name: 'Đặng Văn An', role: 'member' },
      { code: 'VC002', name: 'Nguyễn Thị Thu Thủy', role: 'member' },
      { code: 'VC010', name: 'Lê Văn Tư', role: 'secretary' },
    ]);

    const shown = await cli(['council', 'show', '--json']);
    expect(JSON.parse(shown.stdout)).toEqual([council]);
    const table = await cli(['council', 'show']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Hội đồng sáng kiến năm 2026 (5 người)');
    expect(table.stdout.indexOf('Đặng Văn An')).toBeLessThan(table.stdout.indexOf('Nguyễn Thị Thu Thủy'));
    expect(table.stdout).toContain('Chủ tịch');
    // the emulation council of the year is not set: a hint on stderr
    expect(table.stderr).toContain('thidua council set --kind emulation --year 2026');
  });

  it('accepts several members in one flag and kinds in Vietnamese', async () => {
    const { cli } = await councilSchool();
    const r = await cli(['council', 'set', '--kind', 'thi đua', '--year', '2026', '--chair', 'vc001', '--member', 'VC002,VC003', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).members.map((m: { code: string }) => m.code)).toEqual(['VC001', 'VC003', 'VC002']);
    const emu = JSON.parse((await cli(['council', 'show', '--kind', 'emulation', '--json'])).stdout);
    expect(emu[0].kind).toBe('emulation');
    expect(JSON.parse((await cli(['council', 'show', '--kind', 'initiative', '--json'])).stdout)).toEqual([]);
    expect(JSON.parse((await cli(['council', 'show', '--year', '2025', '--json'])).stdout)).toEqual([]);
  });

  it('refuses an unknown person (4), someone who left (5), a person twice (3), too few (3), no chair (2); writes nothing', async () => {
    const { cli } = await councilSchool();
    const unknown = await cli(['council', 'set', '--kind', 'initiative', '--year', '2026', '--chair', 'VC001', '--member', 'VC099', '--member', 'VC098']);
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain('VC099');
    expect(unknown.stderr).toContain('VC098');

    expect((await cli(['person', 'edit', 'VC005', '--no-active'])).code).toBe(0);
    const left = await cli(['council', 'set', '--kind', 'initiative', '--year', '2026', '--chair', 'VC001', '--member', 'VC002', '--member', 'VC005']);
    expect(left.code).toBe(5);
    expect(left.stderr).toContain('Lê Thị Bình');

    const twice = await cli(['council', 'set', '--kind', 'initiative', '--year', '2026', '--chair', 'VC001', '--member', 'VC002', '--member', 'VC003', '--secretary', 'VC002']);
    expect(twice.code).toBe(3);
    expect(twice.stderr).toContain('VC002');
    expect(twice.stderr).toContain('--secretary');

    const few = await cli(['council', 'set', '--kind', 'initiative', '--year', '2026', '--chair', 'VC001', '--member', 'VC002']);
    expect(few.code).toBe(3);
    expect(few.stderr).toContain('ít nhất 3');

    const noChair = await cli(['council', 'set', '--kind', 'initiative', '--year', '2026', '--member', 'VC002', '--member', 'VC003', '--member', 'VC004']);
    expect(noChair.code).toBe(2);
    expect(noChair.stderr).toContain('--chair');

    const far = await cli(['council', 'set', '--kind', 'initiative', '--year', '2030', ...ROLL]);
    expect(far.code).toBe(3);
    expect(far.stderr).toContain('lập hội đồng');
    expect(far.stderr).toContain('2027');

    const badKind = await cli(['council', 'set', '--kind', 'board', '--year', '2026', ...ROLL]);
    expect(badKind.code).toBe(3);
    expect(badKind.stderr).toContain('initiative');

    expect(JSON.parse((await cli(['council', 'show', '--json'])).stdout)).toEqual([]);
    expect(await auditOf(cli, 'council')).toEqual([]);
  });

  it('asks on a terminal for what is missing', async () => {
    const { cli } = await councilSchool();
    const r = await cli(['council', 'set', '--json'], {
      tty: true,
      answers: [
        { expect: /Hội đồng nào/, answer: 'initiative' },
        { expect: /Năm/, answer: '2026' },
        { expect: /Chủ tịch/, answer: 'VC001' },
        { expect: /ủy viên/, answer: 'VC002, VC003' },
      ],
    });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).members).toHaveLength(3);
  });

  it('replaces a roll with the old one in the audit; the same roll again writes nothing', async () => {
    const { cli } = await councilSchool();
    expect((await cli(['council', 'set', '--kind', 'initiative', '--year', '2026', ...ROLL])).code).toBe(0);
    const again = await cli(['council', 'set', '--kind', 'initiative', '--year', '2026', ...ROLL]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('không đổi');
    const replaced = await cli(['council', 'set', '--kind', 'initiative', '--year', '2026', '--chair', 'VC004', '--member', 'VC002', '--member', 'VC005', '--json']);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stderr).toContain('Đã thay thành phần');
    const audit = await auditOf(cli, 'council');
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'replace']);
    const rep = audit.find((a) => a.action === 'replace')! as { before: { members: { code: string }[] }; after: { members: { code: string }[] } };
    expect(rep.before.members.map((m) => m.code)).toContain('VC010');
    expect(rep.after.members.map((m) => m.code)).toEqual(['VC004', 'VC005', 'VC002']);
    const shown = JSON.parse((await cli(['council', 'show', '--kind', 'initiative', '--json'])).stdout);
    expect(shown[0].members.map((m: { code: string }) => m.code)).toEqual(['VC004', 'VC005', 'VC002']);
  });

  it('refuses to change an initiative council once it has scored (5), but not another year or the other council', async () => {
    const { cli } = await councilSchool();
    expect((await cli(['council', 'set', '--kind', 'initiative', '--year', '2026', ...ROLL])).code).toBe(0);
    const reg = await cli(['register', 'initiative', '--kind', 'initiative', '--title', 'Số hóa hồ sơ thi đua', '--author', 'VC005', '--unit', 'KLLCS', '--year', '2026', '--json']);
    const code = JSON.parse(reg.stdout).code;
    expect((await cli(['progress', 'add', code, '--month', '2026-10', '--percent', '100'])).code).toBe(0);
    expect((await cli(['review', 'apply', code, '--first-applied', '2026-09-01', '--description', 'Phần mềm'])).code).toBe(0);
    // applied but not yet scored: the roll may still change
    expect((await cli(['council', 'set', '--kind', 'initiative', '--year', '2026', ...ROLL, '--member', 'VC004'])).code).toBe(3);
    expect((await cli(['review', 'score', code, '--member', 'VC002', '--novelty', '8', '--applicability', '8', '--benefit', '8'])).code).toBe(0);

    const changed = await cli(['council', 'set', '--kind', 'initiative', '--year', '2026', '--chair', 'VC001', '--member', 'VC002', '--member', 'VC003']);
    expect(changed.code).toBe(5);
    expect(changed.stderr).toContain('đã chấm điểm');
    // the same roll is no change, so it is not refused
    expect((await cli(['council', 'set', '--kind', 'initiative', '--year', '2026', ...ROLL])).code).toBe(0);
    expect((await cli(['council', 'set', '--kind', 'initiative', '--year', '2025', ...ROLL])).code).toBe(0);
    expect((await cli(['council', 'set', '--kind', 'emulation', '--year', '2026', ...ROLL])).code).toBe(0);
    const shown = JSON.parse((await cli(['council', 'show', '--kind', 'initiative', '--json'])).stdout);
    expect(shown[0].members).toHaveLength(5);
  });

  it('speaks English and writes CSV', async () => {
    const { cli } = await councilSchool();
    const r = await cli(['--lang', 'en', 'council', 'set', '--kind', 'initiative', '--year', '2026', ...ROLL]);
    expect(r.stderr).toContain('Initiative Council of 2026');
    const csv = await cli(['council', 'show', '--csv']);
    expect(csv.stdout.startsWith('\uFEFF')).toBe(true);
    expect(csv.stdout).toContain('Hội đồng sáng kiến');
    expect(csv.stdout.split('\n').filter((l) => l.trim() !== '')).toHaveLength(6);
  });
});
});
