/**
 * Replication (nhân rộng điển hình tiên tiến): each time an exemplar is spread (website, LED screen,
 * meetings, the monthly legal day, Emulation Bloc No. 1, the cluster of political schools, exchange
 * visits) is recorded; the website articles and LED lines of a year are built from the records.
 */
import type { ServiceContext } from '../context.js';
import type { DocModel } from '../domain/documents.js';
import { articleModel } from '../reports/docs/article.js';
import { identityAt } from './documents.js';
import { ValidationError } from '../domain/errors.js';
import { FieldCollector, parseChoice, parseCode, parsePastDate, parseText, valueOrThrow } from '../domain/fields.js';
import { compareNames, compareText } from '../domain/names.js';
import { ruleNumber } from '../domain/review.js';
import {
  EXPORT_CHANNELS, SPREAD_CHANNEL_ALIASES, SPREAD_CHANNELS, ledLines, type ExportChannel, type LedLines, type SpreadChannel,
} from '../domain/spread.js';
import { exemplarArticle, ledMessages, type Article, type ArticleSubject } from '../reports/exemplar-article.js';
import { listNominationViews } from '../db/repos/nominations.js';
import { listAchievements } from '../db/repos/records.js';
import { getPerson } from '../db/repos/subjects.js';
import { insertSpread, listSpreadViews, recognisedWorks, type SpreadView } from '../db/repos/spread.js';
import { transact, type Tx } from './database.js';
import { ruleValue } from './reference.js';
import { codeOrThrow, requireSubject, type Subject } from './subjects.js';

/** A replication record, as `spread add --json` and `spread list --json` print it. */
export interface SpreadRecord {
  id: number;
  subject: string;
  name: string;
  kind: 'person' | 'unit';
  /** A person's unit; a unit's own code. */
  unit: string;
  unitName: string;
  channel: SpreadChannel;
  date: string;
  note: string | null;
}

const NOTE_MAX = 500;
/** The LED line width when no rule is in force (the migration seeds `led.line_width` = 40). */
const LED_WIDTH_DEFAULT = 40;

function parseChannel(raw: string | undefined) {
  return parseChoice('spreadChannel', raw, SPREAD_CHANNEL_ALIASES, SPREAD_CHANNELS.join(', '));
}

function toRecord(v: SpreadView): SpreadRecord {
  return {
    id: v.id, subject: v.subject_code, name: v.subject_name, kind: v.subject_kind, unit: v.unit_code, unitName: v.unit_name,
    channel: v.channel, date: v.date, note: v.note,
  };
}

export interface SpreadInput {
  channel?: string;
  date?: string;
  note?: string;
}

/** Records one replication of a person or unit: the channel and the day (not after today). */
export async function addSpread(ctx: ServiceContext, rawSubject: string, input: SpreadInput): Promise<SpreadRecord> {
  const today = ctx.clock.today();
  const c = new FieldCollector();
  const subject = c.take(parseCode('subject', rawSubject));
  const channel = c.take(parseChannel(input.channel));
  const date = c.take(parsePastDate('spreadDate', input.date, today));
  const note = c.take(parseText('note', input.note, { max: NOTE_MAX }));
  if (c.problems.length > 0) throw new ValidationError('spread.invalid', { subject: rawSubject }, c.problems);
  return transact(ctx, async (trx, audit) => {
    await requireSubject(trx, subject);
    const id = await insertSpread(trx, { subject_code: subject, channel, date, note, created_at: ctx.clock.now() });
    const record = toRecord((await listSpreadViews(trx, { subject })).find((v) => v.id === id)!);
    await audit({ entity: 'spread', entityId: String(id), action: 'create', after: record });
    return record;
  });
}

export interface SpreadFilter {
  year?: number;
  channel?: string;
  subject?: string;
}

/** People first, by given name the Vietnamese way, then units by name. */
function compareSubjects(a: { kind: 'person' | 'unit'; name: string; subject: string }, b: typeof a): number {
  if (a.kind !== b.kind) return a.kind === 'person' ? -1 : 1;
  return (a.kind === 'person' ? compareNames(a.name, b.name) : compareText(a.name, b.name)) || a.subject.localeCompare(b.subject);
}

/** By subject (`compareSubjects`), then each one's records by date. */
function compareRecords(a: SpreadRecord, b: SpreadRecord): number {
  return compareSubjects(a, b) || a.date.localeCompare(b.date) || a.id - b.id;
}

export async function listSpread(ctx: ServiceContext, f: SpreadFilter = {}): Promise<SpreadRecord[]> {
  const subject = f.subject === undefined ? undefined : codeOrThrow('subject', f.subject);
  const channel = f.channel === undefined ? undefined : valueOrThrow(parseChannel(f.channel));
  return transact(ctx, async (trx) => {
    if (subject) await requireSubject(trx, subject);
    const year = f.year === undefined ? {} : { from: `${f.year}-01-01`, to: `${f.year}-12-31` };
    return (await listSpreadViews(trx, { subject, channel, ...year })).map(toRecord).sort(compareRecords);
  });
}

// ——— export ———

export interface SpreadExportItem {
  subject: string;
  name: string;
  kind: 'person' | 'unit';
  /** For `website`. */
  article?: Article;
  /** For `led`. */
  led?: LedLines;
}

export interface SpreadExport {
  channel: ExportChannel;
  year: number;
  /**
   * `exemplars`: the subjects voted exemplars (DHTT passed or recognised) that year; `spread`: none
   * yet, so the subjects with any replication record in the year.
   */
  source: 'exemplars' | 'spread';
  /** For `led`: the `led.line_width` rule in force today. */
  lineWidth: number | null;
  items: SpreadExportItem[];
}

const EXPORT_ALIASES = Object.fromEntries(
  Object.entries(SPREAD_CHANNEL_ALIASES).filter(([, v]) => (EXPORT_CHANNELS as readonly string[]).includes(v)),
) as Record<string, ExportChannel>;

/** What an article tells of one subject: its dossier summary, its achievements and works of the year. */
async function articleSubject(trx: Tx, s: Subject, year: number, summary: string | null, exemplar: boolean): Promise<ArticleSubject> {
  const achievements = (await listAchievements(trx, { subject: s.code, from: `${year}-01-01`, to: `${year}-12-31` }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id - b.id)
    .map((a) => ({ date: a.date, text: a.text }));
  const position = s.kind === 'person' ? ((await getPerson(trx, s.code))?.position ?? null) : null;
  return {
    code: s.code, kind: s.kind, name: s.name, position, unitName: s.kind === 'person' ? s.unitName : null, summary, exemplar,
    achievements, works: await recognisedWorks(trx, s, year),
  };
}

/** The subjects of the year's articles: the exemplars, or (none yet) those spread in the year. */
async function exportSubjects(trx: Tx, year: number): Promise<{ source: SpreadExport['source']; subjects: { code: string; summary: string | null }[] }> {
  const voted = await listNominationViews(trx, { year, award: 'DHTT', statuses: ['passed', 'recognised'] });
  if (voted.length > 0) return { source: 'exemplars', subjects: voted.map((v) => ({ code: v.subject_code, summary: v.summary })) };
  const spread = await listSpreadViews(trx, { from: `${year}-01-01`, to: `${year}-12-31` });
  const codes = [...new Set(spread.map((v) => v.subject_code))];
  // Their dossier for the year, when they have one (DHTT first, else the latest of any title), gives the summary.
  const dossiers = (await listNominationViews(trx, { year })).filter((d) => d.status !== 'withdrawn');
  const summaryOf = (code: string) => {
    const own = dossiers.filter((d) => d.subject_code === code);
    return (own.find((d) => d.award === 'DHTT') ?? own.pop())?.summary ?? null;
  };
  return { source: 'spread', subjects: codes.map((code) => ({ code, summary: summaryOf(code) })) };
}

/** `spread export`: the website articles or LED lines of a year's exemplars, as data (the CLI renders and writes them). */
export async function exportSpread(ctx: ServiceContext, input: { channel?: string; year: number }): Promise<SpreadExport> {
  const channel = valueOrThrow(parseChoice('spreadExportChannel', input.channel, EXPORT_ALIASES, EXPORT_CHANNELS.join(', ')));
  const { year } = input;
  return transact(ctx, async (trx) => {
    const { source, subjects } = await exportSubjects(trx, year);
    const lineWidth = channel === 'led' ? ruleNumber(await ruleValue(trx, 'led.line_width', ctx.clock.today()), LED_WIDTH_DEFAULT) : null;
    const items: SpreadExportItem[] = [];
    for (const { code, summary } of subjects) {
      const subject = await requireSubject(trx, code);
      const data = await articleSubject(trx, subject, year, summary, source === 'exemplars');
      const item: SpreadExportItem = { subject: code, name: subject.name, kind: subject.kind };
      if (channel === 'website') item.article = exemplarArticle(data, year);
      else {
        const parts = ledMessages(data, year).map((m) => ledLines(m, lineWidth!));
        item.led = { lines: parts.flatMap((p, i) => (i === 0 ? p.lines : ['', ...p.lines])), overlong: parts.flatMap((p) => p.overlong) };
      }
      items.push(item);
    }
    items.sort(compareSubjects);
    return { channel, year, source, lineWidth, items };
  });
}

/** The website articles as Word document models, dated today with the identity in force. */
export async function articleModels(ctx: ServiceContext, x: SpreadExport): Promise<{ subject: string; model: DocModel }[]> {
  const today = ctx.clock.today();
  return transact(ctx, async (trx) => {
    const identity = await identityAt(trx, today);
    return x.items.filter((i) => i.article).map((i) => ({ subject: i.subject, model: articleModel(i.article!, identity, today) }));
  });
}
