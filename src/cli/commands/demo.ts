import type { Command } from 'commander';
import { createContext, type Kit, type RawGlobals } from '../kit.js';
import { emitList, emitResult, say } from '../output.js';
import type { DocModel } from '../../domain/documents.js';
import { isServerUrl } from '../../domain/db-address.js';
import { parseOrgFields } from '../../domain/org.js';
import { ValidationError } from '../../domain/errors.js';

interface Options {
  dir?: string;
  style?: string;
}

export function register(program: Command, kit: Kit): void {
  const cmd = program
    .command('demo')
    .option('--dir <dir>', kit.t('opt.demo.dir'), 'thidua-demo')
    .option('--style <party|state>', kit.t('opt.demo.style'));
  kit.describe(cmd, 'demo').action(
    kit.action<Options>(async (ctx, opts, _args, command) => {
      const { prepareDemoDir, runDemo } = await import('../../services/demo/run.js');
      // The header style of every document the demo writes; checked before anything is touched.
      const parsed = parseOrgFields({ style: opts.style ?? 'state' });
      if (parsed.problems.length > 0) throw new ValidationError('org.invalid', {}, parsed.problems);
      // The demo works on its own database, never on the file --db names; given a server's (empty)
      // database, it builds the school there (init refuses one that is not empty).
      const server = isServerUrl(ctx.options.dbPath);
      const dbPath = server ? ctx.options.dbPath : prepareDemoDir(opts.dir ?? 'thidua-demo');
      if (server) prepareDemoDir(opts.dir ?? 'thidua-demo');
      const demoCtx = createContext(kit.sys, { ...(command.optsWithGlobals() as RawGlobals), db: dbPath });
      try {
        say(ctx, 'demo.start', { dir: opts.dir ?? 'thidua-demo' });
        const { renderDocx, mergeDocx } = await import('../../render/docx/index.js');
        const { writeFileAtomic } = await import('../../services/files.js');
        // The demo folder is the demo's own: its documents are written again on every run.
        const writeDoc = async (models: DocModel | DocModel[], file: string) => writeFileAtomic(file, await renderDocx(models), { force: true });
        const { demoCertificates } = await import('../../services/demo/certificates.js');
        const { demoReports } = await import('../../services/demo/reports.js');
        const { demoRenderers } = await import('../demo-reports.js');
        const { demoExports } = await import('../demo-exports.js');
        const { findSoffice } = await import('../../services/pdf.js');
        const { fillTemplate, templatePlaceholders } = await import('../../render/docx/template.js');
        const renderer = { docx: renderDocx, placeholders: templatePlaceholders, fill: fillTemplate, merge: mergeDocx };
        const result = await runDemo(demoCtx, opts.dir ?? 'thidua-demo', {
          writeDoc,
          certificates: (c, dir) => demoCertificates(c, dir, renderer, { soffice: findSoffice(kit.sys.env) }),
          reports: async (c, dir) => [...(await demoReports(c, dir, await demoRenderers(ctx))), ...(await demoExports(c, dir))],
          progress: (n) => ctx.progress(n, ctx.t('progress.import')),
          database: server ? ctx.options.dbLabel : undefined,
          style: parsed.value.style,
        });
        // The decisions signed with a demonstration certificate, when LibreOffice is installed.
        const { demoSignatures, DEMO_P12_PASSWORD, DEMO_SIGN_DIR } = await import('../../services/sign-demo.js');
        const signed = await demoSignatures(demoCtx, opts.dir ?? 'thidua-demo', { env: kit.sys.env, render: renderDocx });
        if (signed) result.files.push(...signed);
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
        if (signed === null) say(ctx, 'demo.signSkipped');
        else if (signed.length > 0) say(ctx, 'demo.signed', { dir: `${opts.dir ?? 'thidua-demo'}/${DEMO_SIGN_DIR}`, password: DEMO_P12_PASSWORD });
        say(ctx, 'demo.next', { database: result.database });
      } finally {
        await demoCtx.close();
      }
    }),
  );
}
