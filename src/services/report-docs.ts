/**
 * Reports issued as Word documents take a number in the register (BC report, TTr proposal, TB notice)
 * only when written to a file. Issuing the same report for the same period again reuses the registered
 * document, number and date, when its content is what was registered (so a re-run, or a cron job run
 * twice, writes the same bytes and spends no number); when the content differs, it is a new document
 * with the next number, and the earlier one stays in the register as issued. A report that still lacks
 * something (`document.missing`) is refused, and can be printed as a draft: marked, unnumbered, unrecorded.
 */
import type { Report } from '../reports/model.js';
import { reportDocument, type ReportClosing } from '../reports/docs/report.js';
import type { DocModel } from '../domain/documents.js';
import { listDocumentRows } from '../db/repos/documents.js';
import { WorkflowError } from '../domain/errors.js';
import { isDraft, issueDocument, toIssued, transactDraft, type IssuedDocument } from './documents.js';
import type { ServiceContext } from '../context.js';
import type { Audit, Tx } from './database.js';
import { RECIPIENT_KINDS, recipientsKey, splitRecipients, type RecipientKind } from '../domain/rules.js';
import { ruleAt } from '../db/repos/reference.js';
import { officeAt } from './decision-basis.js';

/**
 * Whom the report is sent to on `date`: the dated rule `recipients.<report>` (seeded by migration
 * 0017; none in force: no one but the file) and the profile's office for "Lưu: VT, …".
 */
async function closingAt(trx: Tx, id: string, date: string): Promise<ReportClosing> {
  const kind = RECIPIENT_KINDS.find((k) => k === id) as RecipientKind | undefined;
  const rule = kind ? await ruleAt(trx, recipientsKey(kind), date) : undefined;
  return { recipients: rule ? splitRecipients(rule.value) : [], office: await officeAt(trx, date) };
}

export interface ReportIssue {
  document: IssuedDocument;
  /** True when the registered document was reused (same content). */
  reused: boolean;
}

/** What decides "the same document": everything but the number, the date and the identity. */
const content = (m: DocModel) => JSON.stringify([m.type, m.title, m.orientation, m.blocks.filter((b) => b.type !== 'signatures'), m.blocks.find((b) => b.type === 'signatures')]);

export async function issueReport(trx: Tx, audit: Audit, now: string, date: string, report: Report): Promise<ReportIssue> {
  const d = report.document;
  const draft = isDraft(trx);
  const title = `${d.heading.charAt(0)}${d.heading.slice(1).toLocaleLowerCase('vi')} ${d.summary.join(' ')}`.trim();
  if (!draft && d.missing && d.missing.length > 0) throw new WorkflowError('document.incomplete', { document: title }, d.missing);
  const earlier = draft ? [] : (await listDocumentRows(trx, { type: d.type, ref: d.ref })).map(toIssued).filter((x) => x.status === 'issued' && x.kind === d.kind);
  const latest = earlier.sort((a, b) => b.id - a.id)[0];
  // Who it goes to as of the day it is issued: a changed list or office is a new document.
  const closing = await closingAt(trx, report.id, date);
  if (latest) {
    const again = reportDocument(report, latest.model.identity, latest.model.number!, latest.date, closing);
    if (content(again) === content(latest.model)) return { document: latest, reused: true };
  }
  const document = await issueDocument(trx, audit, now, {
    kind: d.kind,
    date,
    type: d.type,
    title,
    ref: d.ref,
    build: (identity, number) => reportDocument(report, identity, number, date, closing),
  });
  return { document, reused: false };
}

/**
 * Issues (or reuses) the report's document and hands it to `write` inside the same transaction: when
 * writing fails (a different file is in the way), the number is not spent. With `draft`, `write` gets
 * the draft (no number, nothing recorded).
 */
export async function withIssuedReport<T>(ctx: ServiceContext, report: Report, write: (issue: ReportIssue) => Promise<T>, opts: { draft?: boolean } = {}): Promise<T> {
  return transactDraft(ctx, opts.draft, async (trx, audit) => write(await issueReport(trx, audit, ctx.clock.now(), ctx.clock.today(), report)));
}
