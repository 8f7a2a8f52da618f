import type { Command } from 'commander';
import type { Kit } from '../kit.js';
import { emitResult, say } from '../output.js';

/** `import FILE.zip`: a school's package into a provincial database (docs/export.md). */
export function register(program: Command, kit: Kit): void {
  const cmd = program.command('import').argument('<file>', kit.t('arg.import.file'));
  kit.describe(cmd, 'import').action(
    kit.action<Record<string, never>>(async (ctx, _opts, [file]) => {
      const { importPackage } = await import('../../services/exchange/import.js');
      const r = await importPackage(ctx, file);
      const params = { school: r.school.name, year: r.year, ...prefix('r', r.records), ...prefix('f', r.files) };
      say(ctx, `import.${r.status}`, params);
      for (const c of r.changes) say(ctx, `import.change.${c.action}`, { kind: ctx.t(`import.kind.${c.kind}`), record: c.record });
      await emitResult(ctx, r);
    }),
  );
}

function prefix(p: string, counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [`${p}${k[0].toUpperCase()}${k.slice(1)}`, v]));
}
