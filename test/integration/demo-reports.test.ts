import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/cli/kit.js';
import { loadCatalogue } from '../../src/i18n/index.js';
import { demoRenderers } from '../../src/cli/demo-reports.js';
import { demoReports } from '../../src/services/demo/reports.js';
import { query } from '../helpers/ballot-seed.js';
import { reportSchool } from '../helpers/report-seed.js';
import { readDocx } from '../helpers/docx.js';

describe('demoReports', () => {
  it('writes the four quarterly lists and every report, numbered in the register; a second run changes nothing', async () => {
    const s = await reportSchool();
    await loadCatalogue('vi');
    const io = { out: () => {}, err: () => {}, stdinIsTTY: false, stdoutIsTTY: false, stderrIsTTY: false, color: false, columns: 80 };
    const sys = { argv: ['demo'], env: {}, io, actor: 'demo', now: () => new Date('2026-01-05T08:00:00Z') };
    const ctx = createContext(sys, { db: s.db, today: '2026-01-05' });
    const dir = join(s.dir, 'demo');
    try {
      const files = await demoReports(ctx, dir, await demoRenderers(ctx));
      expect(files.map((f) => f.path.slice(dir.length + 1))).toEqual([
        'tuyen-duong-2025-Q1.docx', 'tuyen-duong-2025-Q1.csv', 'tuyen-duong-2025-Q2.docx', 'tuyen-duong-2025-Q2.csv',
        'tuyen-duong-2025-Q3.docx', 'tuyen-duong-2025-Q3.csv', 'tuyen-duong-2025-Q4.docx', 'tuyen-duong-2025-Q4.csv',
        'danh-gia-nam-2025.md', 'bao-cao-nam-2025.docx', 'bao-cao-quy-2025-Q4.docx', 'tien-do-2025-11.docx', 'to-trinh-tinh-2025.docx',
        'bao-cao-giai-doan-2021-2025.docx', 'quyen-loi-2025.docx',
      ]);
      expect((await readDocx(join(dir, 'bao-cao-nam-2025.docx'))).text).toContain('Số: 01/BC-TCT');
      const count = query<{ n: number }>(s.db, "SELECT count(*) AS n FROM documents WHERE kind IN ('BC','TB','TTr')")[0].n;
      const before = readFileSync(join(dir, 'bao-cao-nam-2025.docx'));
      await demoReports(ctx, dir, await demoRenderers(ctx));
      expect(query<{ n: number }>(s.db, "SELECT count(*) AS n FROM documents WHERE kind IN ('BC','TB','TTr')")[0].n).toBe(count);
      expect(readFileSync(join(dir, 'bao-cao-nam-2025.docx'))).toEqual(before);
    } finally {
      await ctx.close();
    }
  }, 60_000);
});
