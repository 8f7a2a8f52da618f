import type { Command } from 'commander';
import type { Kit } from '../kit.js';
import { ValidationError } from '../../domain/errors.js';
import { emitHeading, emitResult, say } from '../output.js';

export function register(program: Command, kit: Kit): void {
  const cmd = program.command('verify').argument('<file>', kit.t('arg.verify.file')).option('--ca <roots.pem>', kit.t('opt.verify.ca'));
  kit.describe(cmd, 'verify').action(
    kit.action<{ ca?: string }>(async (ctx, opts, [file]) => {
      const { verifyPdf } = await import('../../services/sign-verify.js');
      const { stampTime } = await import('../../reports/docs/signature.js');
      const r = await verifyPdf(ctx, { file, ca: opts.ca });
      const time = (iso: string | null) => (iso ? stampTime(new Date(iso)) : '?');
      if (ctx.options.json) await emitResult(ctx, r);
      else {
        await emitHeading(ctx, ctx.t('verify.heading', { file }));
        const lines: string[] = [];
        for (const s of r.signatures) {
          if (s.signer) lines.push(ctx.t('verify.signature', { n: s.index, name: s.signer.name, serial: s.signer.serial, issuer: s.signer.issuer, time: time(s.signedAt) }));
          if (s.integrity && s.problems.length === 0) lines.push(ctx.t('verify.integrityOk', { n: s.index }));
          if (s.trusted) lines.push(ctx.t('verify.trusted', { n: s.index, root: s.chain[s.chain.length - 1] }));
        }
        if (!r.rootsGiven && r.signatures.length > 0) lines.push(ctx.t('verify.rootsNotGiven'));
        if (!r.register.checked) lines.push(ctx.t('verify.register.unchecked'));
        else if (r.register.document) {
          const d = r.register.document;
          lines.push(ctx.t('verify.register.found', { symbol: d.symbol, date: d.date, title: d.title, time: time(r.register.signature?.signedAt ?? null) }));
          if (d.status === 'revoked') lines.push(ctx.t('verify.register.revoked', { symbol: d.symbol, date: d.revokedOn ?? '' }));
        } else lines.push(ctx.t('verify.register.notFound'));
        ctx.io.out(lines.join('\n') + '\n');
      }
      if (!r.valid) throw new ValidationError('verify.invalid', { file, count: r.problems.length }, r.problems.map((p) => ({ key: p.key, params: p.params })));
      say(ctx, 'verify.valid', { file });
    }),
  );
}
