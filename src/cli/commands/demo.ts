import type { Command } from 'commander';
import { createContext, type Kit, type RawGlobals } from '../kit.js';
import { emitList, emitResult, say } from '../output.js';

interface Options {
  dir?: string;
}

export function register(program: Command, kit: Kit): void {
  const cmd = program.command('demo').option('--dir <dir>', kit.t('opt.demo.dir'), 'thidua-demo');
  kit.describe(cmd, 'demo').action(
    kit.action<Options>(async (ctx, opts, _args, command) => {
      const { prepareDemoDir, runDemo } = await import('../../services/demo/run.js');
      const dbPath = prepareDemoDir(opts.dir ?? 'thidua-demo');
      // The demo works on its own database, never on the one --db names.
      const demoCtx = createContext(kit.sys, { ...(command.optsWithGlobals() as RawGlobals), db: dbPath });
      try {
        say(ctx, 'demo.start', { dir: opts.dir ?? 'thidua-demo' });
        const result = await runDemo(demoCtx, opts.dir ?? 'thidua-demo', (n) => ctx.progress(n, ctx.t('progress.import')));
        if (ctx.options.json) {
          await emitResult(ctx, result);
          return;
        }
        say(ctx, 'demo.summary', { units: result.units, people: result.people, database: result.database });
        say(ctx, 'demo.year', { year: result.year, initiatives: result.initiatives, reports: result.reports, achievements: result.achievements });
        await emitList(ctx, result.files, [
          { header: 'col.document', value: (f) => ctx.t(`demo.file.${f.kind}`) },
          { header: 'col.path', value: (f) => f.path },
        ]);
        say(ctx, 'demo.next', { database: result.database });
      } finally {
        await demoCtx.close();
      }
    }),
  );
}
