/**
 * What the schools sent a provincial office for a year (`received list`, `report received`): each
 * school's year as last received, the proposals awaiting the province's decision, and the
 * recognitions by title and by school. Read from the records as received (migration 0015).
 */
import type { ServiceContext } from '../../context.js';
import type { ProposalRecord, RecognitionRecord } from '../../domain/exchange.js';
import { compareNames, compareText } from '../../domain/names.js';
import type { ReceivedData, ReceivedSchoolYear } from '../../reports/received.js';
import { receivedRecordsOfKinds, receivedYearsOf } from '../../db/repos/received.js';
import { listTitles } from '../../db/repos/reference.js';
import { transact } from '../database.js';
import { requireYear } from '../reports.js';

export async function loadReceived(ctx: ServiceContext, rawYear: string | number | undefined): Promise<ReceivedData> {
  const year = requireYear(rawYear);
  return transact(ctx, async (trx) => {
    const years = await receivedYearsOf(trx, year);
    const records = await receivedRecordsOfKinds(trx, year, ['proposal', 'recognition', 'document', 'signature']);
    const titles = new Map((await listTitles(trx)).map((t) => [t.code, t.name]));
    const names = new Map(years.map((y) => [y.school_id, y.full_name]));
    const schools: ReceivedSchoolYear[] = years
      .map((y) => {
        const mine = records.filter((r) => r.school_id === y.school_id);
        const of = (kind: string) => mine.filter((r) => r.kind === kind);
        const proposals = of('proposal').map((r) => JSON.parse(r.body) as ProposalRecord);
        return {
          school: y.school_id, name: y.full_name, version: y.version, receivedAt: y.received_at, updatedAt: y.updated_at, package: y.package_sha256,
          proposals: proposals.length, awaiting: proposals.filter((p) => p.decided === null).length,
          recognitions: of('recognition').filter((r) => (JSON.parse(r.body) as RecognitionRecord).status === 'active').length,
          documents: of('document').length, signatures: of('signature').length,
        };
      })
      .sort((a, b) => compareText(a.name, b.name));
    const awaiting = records
      .filter((r) => r.kind === 'proposal')
      .map((r) => ({ school: r.school_id, p: JSON.parse(r.body) as ProposalRecord }))
      .filter((x) => x.p.decided === null)
      .map(({ school, p }) => ({
        school, schoolName: names.get(school) ?? school, subject: p.subject.code, name: p.subject.name, kind: p.subject.kind, award: p.award,
        awardName: titles.get(p.award) ?? p.award, position: p.subject.position, unit: p.subject.unitName, achievement: p.achievement,
      }))
      .sort((a, b) => compareText(a.schoolName, b.schoolName) || compareText(a.award, b.award) || compareNames(a.name, b.name));
    const counts = new Map<string, { school: string; schoolName: string; award: string; awardName: string; count: number }>();
    for (const r of records.filter((x) => x.kind === 'recognition')) {
      const v = JSON.parse(r.body) as RecognitionRecord;
      if (v.status !== 'active') continue;
      const key = `${r.school_id}\u0000${v.award}`;
      const c = counts.get(key) ?? { school: r.school_id, schoolName: names.get(r.school_id) ?? r.school_id, award: v.award, awardName: titles.get(v.award) ?? (v.initiative ? 'Sáng kiến' : v.award), count: 0 };
      c.count++;
      counts.set(key, c);
    }
    const recognitions = [...counts.values()].sort((a, b) => compareText(a.schoolName, b.schoolName) || compareText(a.award, b.award));
    return { year, asOf: ctx.clock.today(), schools, awaiting, recognitions };
  });
}
