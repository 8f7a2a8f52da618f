import type { Command } from 'commander';
import type { Kit } from '../../kit.js';
import { formatVnDate } from '../../../domain/dates.js';
import { yearFlag } from '../../flags.js';
import { emitRecord } from '../../output.js';

export function register(parent: Command, kit: Kit): void {
  const cmd = parent.command('show').argument('<id>', kit.t('arg.document.id')).option('--year <year>', kit.t('opt.document.numberYear'));
  kit.describe(cmd, 'document.show').action(
    kit.action<{ year?: string }>(async (ctx, opts, [id]) => {
      const { showDocument, signedBy, statusOf } = await import('../../../services/sign-register.js');
      const { stampTime } = await import('../../../reports/docs/signature.js');
      const d = await showDocument(ctx, id, yearFlag(opts.year));
      const by = signedBy(d);
      const json = {
        id: d.id, number: d.number, symbol: d.symbol, kind: d.kind, date: d.date, title: d.title, status: statusOf(d),
        ...(by ? { signedBy: by } : {}),
        revokedOn: d.revokedOn, revokedReason: d.revokedReason, signatures: d.signatures,
      };
      const signatures = d.signatures.length === 0
        ? ctx.t('document.unsigned')
        : d.signatures.map((s) => ctx.t('document.signedLine', { name: s.subject, time: stampTime(new Date(s.signedAt)), serial: s.serial, issuer: s.issuer, sha256: s.sha256 })).join('\n');
      await emitRecord(ctx, json, [
        ['document.field.id', d.id],
        ['document.col.number', d.symbol],
        ['document.field.kind', d.kind],
        ['document.col.date', formatVnDate(d.date)],
        ['document.col.title', d.title],
        ['document.col.status', ctx.t(`documentStatus.${statusOf(d)}`)],
        ...(d.status === 'revoked' ? ([['document.field.revoked', `${formatVnDate(d.revokedOn ?? '')}: ${d.revokedReason ?? ''}`]] as [string, string][]) : []),
        ['document.field.signatures', signatures],
      ]);
    }),
  );
}
