import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { freshDb, run, schoolDb, tempDir } from '../helpers/cli.js';

describe('a missing database', () => {
  it('fails with exit 6 and the init hint, and creates nothing', async () => {
    const dir = tempDir();
    const r = await run(['--db', join(dir, 'none.sqlite'), 'unit', 'list']);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('thidua init');
    expect(r.stdout).toBe('');
  });
  it('speaks English with --lang en', async () => {
    const r = await run(['--db', join(tempDir(), 'x.sqlite'), '--lang', 'en', 'person', 'list']);
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/thidua init/);
  });
});

describe('a group typed without its verb', () => {
  it('shows the group\'s help on stderr and exits 2, not silence and 0', async () => {
    const { cli } = await freshDb();
    for (const argv of [['person'], ['unit', '--json'], ['db']]) {
      const r = await cli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(new RegExp(`Cách dùng: thidua ${argv[0]}`));
      expect(r.stdout).toBe('');
    }
    const asked = await cli(['person', '--help']);
    expect(asked.code).toBe(0);
    expect(asked.stdout).toMatch(/Cách dùng: thidua person \[tùy chọn\] \[lệnh\]/);
    expect(asked.stdout).toMatch(/^Tùy chọn:$/m);
    expect(asked.stdout).toMatch(/^Lệnh:$/m);
    expect(asked.stdout).not.toMatch(/Usage:|Options:|Commands:/);
    const en = await cli(['--lang', 'en', 'person', 'add', '--help']);
    expect(en.stdout).toMatch(/^Usage: thidua person add \[options\] <code>$/m);
    expect(en.stdout).toMatch(/^Arguments:$/m);
    const vi = await cli(['person', 'add', '--help']);
    expect(vi.stdout).toMatch(/^Tham số:$/m);
    expect((await cli(['audit', 'list', '--help'])).stdout).toMatch(/\(mặc định: "50"\)/);
  });
});

describe('a mistyped command or flag', () => {
  it('suggests the nearest one, in the user\'s language', async () => {
    const { cli } = await freshDb();
    const r = await cli(['persn', 'list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Có phải ý bạn là: person\?/);
    const verb = await cli(['--lang', 'en', 'person', 'lst']);
    expect(verb.code).toBe(2);
    expect(verb.stderr).toMatch(/Did you mean: list\?/);
    const flag = await cli(['person', 'list', '--unti', 'KLLCS']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/--unit/);
    expect(flag.stderr).not.toMatch(/Did you mean/);
    expect((await cli(['zzzzzz'])).stderr).not.toMatch(/Có phải/);
  });
});

describe('person add with nobody at the terminal', () => {
  it('names every missing flag at once (exit 2)', async () => {
    const { cli } = await freshDb();
    const r = await cli(['person', 'add', 'VC100']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--name, --unit, --category/);
    const one = await cli(['person', 'add', 'VC100', '--name', 'A B', '--unit', 'X']);
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/--category/);
  });
});

describe('units', () => {
  it('adds, lists in Vietnamese order, edits and retires', async () => {
    const { cli } = await freshDb();
    expect((await cli(['unit', 'add', 'kxdd', '--name', 'Khoa Xây dựng Đảng', '--kind', 'khoa'])).code).toBe(0);
    expect((await cli(['unit', 'add', 'KDV', '--name', 'Khoa Dân vận', '--kind', 'faculty'])).code).toBe(0);
    expect((await cli(['unit', 'add', 'PTCHC', '--name', 'Phòng Tổ chức', '--kind', 'office'])).code).toBe(0);
    const list = JSON.parse((await cli(['unit', 'list', '--json'])).stdout);
    expect(list.map((u: { code: string }) => u.code)).toEqual(['KDV', 'KXDD', 'PTCHC']);
    const edited = await cli(['unit', 'edit', 'KDV', '--name', 'Khoa Dân vận – Tôn giáo']);
    expect(edited.code).toBe(0);
    const retired = await cli(['unit', 'retire', 'KDV']);
    expect(retired.code).toBe(0);
    expect(JSON.parse((await cli(['unit', 'list', '--json'])).stdout)).toHaveLength(2);
    const all = JSON.parse((await cli(['unit', 'list', '--all', '--json'])).stdout);
    expect(all.find((u: { code: string }) => u.code === 'KDV')).toMatchObject({ name: 'Khoa Dân vận – Tôn giáo', active: false, retiredOn: '2026-11-28' });
    expect((await cli(['unit', 'retire', 'KDV'])).code).toBe(5);
    // Restoring a unit that was never retired changes nothing, and is no internal error.
    const auditBefore = JSON.parse((await cli(['audit', 'list', '--json'])).stdout).length;
    const again = await cli(['unit', 'edit', 'KXDD', '--active']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse((await cli(['audit', 'list', '--json'])).stdout)).toHaveLength(auditBefore);
  });

  it('refuses a bad kind (3), a duplicate code (5), an unknown unit (4)', async () => {
    const { cli } = await freshDb();
    const bad = await cli(['unit', 'add', 'K1', '--name', 'X', '--kind', 'department']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('department');
    expect(bad.stderr).toContain('faculty');
    expect((await cli(['unit', 'add', 'K1', '--name', 'X', '--kind', 'office'])).code).toBe(0);
    expect((await cli(['unit', 'add', 'k1', '--name', 'Y', '--kind', 'office'])).code).toBe(5);
    expect((await cli(['unit', 'edit', 'NOPE', '--name', 'Y'])).code).toBe(4);
  });

  it('will not retire a unit that still has active members', async () => {
    const { cli } = await schoolDb();
    const r = await cli(['unit', 'retire', 'KLLCS']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('2');
  });

  it('asks for a missing name on a terminal, and fails naming the flag without one', async () => {
    const { cli } = await freshDb();
    const piped = await cli(['unit', 'add', 'KDV', '--kind', 'faculty']);
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('--name');
    // The help it points to is the command's own.
    expect(piped.stderr).toContain('Xem cách dùng: thidua unit add --help');
    expect((await cli(['unit', 'lst'])).stderr).toContain('Xem cách dùng: thidua unit --help');
    expect((await cli(['--lang', 'en', 'unitt'])).stderr).toContain('See how to use it: thidua --help');
    const tty = await cli(['unit', 'add', 'KDV'], {
      tty: true,
      answers: [
        { expect: /Tên đơn vị/, answer: 'Khoa Dân vận' },
        { expect: /Loại đơn vị/, answer: 'faculty' },
      ],
    });
    expect(tty.code).toBe(0);
    const noInput = await cli(['unit', 'add', 'KX', '--no-input'], { tty: true });
    expect(noInput.code).toBe(2);
  });
});

describe('people', () => {
  it('sorts by given name the Vietnamese way and searches without diacritics', async () => {
    const { cli } = await schoolDb();
    const list = JSON.parse((await cli(['person', 'list', '--json'])).stdout);
    // An < Thịnh < Thủy (by given name, Vietnamese collation)
    expect(list.map((p: { name: string }) => p.name)).toEqual(['Đặng Văn An', 'Trần Văn Thịnh', 'Nguyễn Thị Thu Thủy']);
    expect(Object.keys(list[0]).sort()).toEqual(['active', 'category', 'code', 'name', 'partyMember', 'position', 'unit'].sort());
    const found = JSON.parse((await cli(['person', 'list', '--search', 'THUY', '--json'])).stdout);
    expect(found.map((p: { code: string }) => p.code)).toEqual(['VC002']);
    const d = JSON.parse((await cli(['person', 'list', '--search', 'dang van', '--json'])).stdout);
    expect(d.map((p: { code: string }) => p.code)).toEqual(['VC003']);
  });

  it('stores names in NFC, trimmed', async () => {
    const { cli } = await schoolDb();
    const nfd = '  Lê   Thị Ánh   Tuyết '.normalize('NFD');
    expect((await cli(['person', 'add', 'VC010', '--name', nfd, '--unit', 'KLLCS', '--category', 'staff'])).code).toBe(0);
    const shown = JSON.parse((await cli(['person', 'show', 'VC010', '--json'])).stdout);
    expect(shown.person.name).toBe('Lê Thị Ánh Tuyết'.normalize('NFC'));
    expect(shown.person.name.normalize('NFC')).toBe(shown.person.name);
  });

  it('reports every bad field at once and writes nothing', async () => {
    const { cli } = await schoolDb();
    const r = await cli(['person', 'add', 'VC011', '--name', 'A', '--unit', 'KLLCS', '--category', 'boss', '--born', '30/02/1990', '--gender', 'x']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('boss');
    expect(r.stderr).toContain('30/02/1990');
    expect(r.stderr).toContain('Giới tính');
    expect((await cli(['person', 'show', 'VC011'])).code).toBe(4);
  });

  it('keeps codes unique across units and people', async () => {
    const { cli } = await schoolDb();
    const r = await cli(['person', 'add', 'KLLCS', '--name', 'A', '--unit', 'KLLCS', '--category', 'staff']);
    expect(r.code).toBe(5);
    expect((await cli(['person', 'show', 'KLLCS'])).code).toBe(4);
  });

  it('edits, moves and retires a person, with history', async () => {
    const { cli } = await schoolDb();
    expect((await cli(['person', 'edit', 'VC002', '--unit', 'PTCHC', '--party-member'])).code).toBe(0);
    expect((await cli(['person', 'edit', 'VC003', '--no-active'])).code).toBe(0);
    const active = JSON.parse((await cli(['person', 'list', '--json'])).stdout);
    expect(active.map((p: { code: string }) => p.code)).not.toContain('VC003');
    const shown = JSON.parse((await cli(['person', 'show', 'VC002', '--json'])).stdout);
    expect(shown.person).toMatchObject({ unit: 'PTCHC', partyMember: true });
    expect(shown.history.map((h: { action: string }) => h.action)).toEqual(['create', 'update']);
    expect((await cli(['person', 'edit', 'VC002'])).code).toBe(3);
    expect((await cli(['person', 'edit', 'VC002', '--unit', 'NONE'])).code).toBe(4);
  });

  it('prints tables without colour codes in a pipe, CSV with a BOM', async () => {
    const { cli } = await schoolDb();
    const table = await cli(['person', 'list']);
    expect(table.stdout).not.toMatch(/\x1b\[/);
    expect(table.stdout).toContain('Nguyễn Thị Thu Thủy');
    const csv = await cli(['person', 'list', '--csv']);
    expect(csv.stdout.startsWith('\uFEFFMã,Họ và tên')).toBe(true);
    expect(csv.stdout).toContain('Đặng Văn An');
  });
});

describe('small courtesies', () => {
  it('an edit that changes nothing writes no audit row', async () => {
    const { cli } = await schoolDb();
    const count = async () => JSON.parse((await cli(['audit', 'list', '--json', '--limit', '500'])).stdout).length;
    const before = await count();
    expect((await cli(['person', 'edit', 'VC002', '--name', 'Nguyễn Thị Thu Thủy'])).code).toBe(0);
    expect((await cli(['unit', 'edit', 'KLLCS', '--name', 'Khoa Lý luận cơ sở'])).code).toBe(0);
    expect(await count()).toBe(before);
  });

  it('refuses a taken code before asking anything on a terminal', async () => {
    const { cli } = await schoolDb();
    const r = await cli(['person', 'add', 'VC002'], { tty: true, answers: [] });
    expect(r.code).toBe(5);
  });

  it('says what a rule is in --json, and the gender in the chosen language', async () => {
    const { cli } = await schoolDb();
    const rules = JSON.parse((await cli(['rules', 'list', '--json'])).stdout) as { key: string; about: string }[];
    expect(rules.find((r) => r.key === 'base_salary')!.about).toBe('Mức lương cơ sở (đồng)');
    expect((await cli(['person', 'edit', 'VC002', '--gender', 'nữ'])).code).toBe(0);
    expect((await cli(['--lang', 'en', 'person', 'show', 'VC002'])).stdout).toMatch(/Gender\s+female/);
  });
});
