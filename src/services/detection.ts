/**
 * `thidua detect`: people and units who look like exemplars in a year, ranked, each with its evidence
 * and what is still missing. Reads only; the scoring rules are in domain/detection.ts.
 */
import type { ServiceContext } from '../context.js';
import {
  assessPerson, assessUnit, compareRanked, ratingRank, stateLines, type AchievementKind, type Line, type Work,
} from '../domain/detection.js';
import {
  achievementsOfYear, authoredWorks, nominationsOfYear, ratingsOfYear, recognitionsOfYear, registrationsOfYear, watchesDuringYear, worksUpTo,
  type WorkRow,
} from '../db/repos/detection.js';
import { listPeople, listUnits } from '../db/repos/subjects.js';
import { transact } from './database.js';
import { codeOrThrow, requireUnit } from './subjects.js';

export interface Detected {
  subject: string;
  name: string;
  kind: 'person' | 'unit';
  /** A person's unit; a unit's own code. */
  unit: string;
  unitName: string;
  category: 'leader' | 'staff' | null;
  score: number;
  candidate: boolean;
  evidence: Line[];
  missing: Line[];
  /** Where it already stands in the year: recognised, nominated (and how far the dossier went). */
  state: Line[];
  nominations: { id: number; award: string; status: string }[];
  recognitions: { award: string; date: string }[];
}

export interface DetectOptions {
  year: number;
  unit?: string;
  /** Also the subjects that are not candidates (the first missing line says why). */
  all?: boolean;
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

const toWork = (r: WorkRow & { share?: number }): Work => ({
  code: r.code, kind: r.kind, year: r.year, status: r.status, statusOn: r.status_on, share: r.share ?? 100,
});

/** Active people and units of the school (or of one unit), ranked: candidates first, by score, then by name. */
export async function detectExemplars(ctx: ServiceContext, opts: DetectOptions): Promise<Detected[]> {
  const only = opts.unit ? codeOrThrow('unit', opts.unit) : undefined;
  const { year } = opts;
  return transact(ctx, async (trx) => {
    if (only) await requireUnit(trx, only);
    // People who have left, and retired units, are neither candidates nor counted as members.
    const everyone = (await listPeople(trx)).filter((p) => p.active === 1);
    const people = everyone.filter((p) => !only || p.unit_code === only);
    const units = (await listUnits(trx)).filter((u) => u.active === 1 && (!only || u.code === only));

    const ratings = await ratingsOfYear(trx, year);
    const annual = new Map(ratings.filter((r) => r.period === String(year)).map((r) => [r.person_code, r.rating]));
    const quarterly = groupBy(ratings.filter((r) => r.period !== String(year)), (r) => r.person_code);
    const registrations = groupBy(await registrationsOfYear(trx, year), (r) => r.subject_code);
    const authored = groupBy(await authoredWorks(trx, year), (r) => r.person_code);
    const unitWorks = groupBy(await worksUpTo(trx, year), (r) => r.unit_code);
    const achievements = groupBy(await achievementsOfYear(trx, year), (r) => r.subject_code);
    const fostered = new Map((await watchesDuringYear(trx, year)).map((w) => [w.person_code, w.started_on]));
    const titles = (code: string) => (registrations.get(code) ?? []).map((r) => r.award);
    const kinds = (code: string) => (achievements.get(code) ?? []).map((a) => a.kind as AchievementKind);

    const nominations = groupBy(await nominationsOfYear(trx, year), (r) => r.subject_code);
    const recognitions = groupBy(await recognitionsOfYear(trx, year), (r) => r.subject_code);
    const standing = (code: string) => {
      const noms = (nominations.get(code) ?? []).map((n) => ({ id: n.id, award: n.award, status: n.status }));
      const recs = (recognitions.get(code) ?? []).map((r) => ({ award: r.award, decidedOn: r.decided_on }));
      return { state: stateLines(recs, noms), nominations: noms, recognitions: recs.map((r) => ({ award: r.award, date: r.decidedOn })) };
    };

    const found: Detected[] = people.map((p) => ({
      subject: p.code,
      name: p.name,
      kind: 'person' as const,
      unit: p.unit_code,
      unitName: p.unit_name,
      category: p.category,
      ...assessPerson({
        year,
        category: p.category,
        annual: annual.get(p.code) ?? null,
        quarters: (quarterly.get(p.code) ?? []).map((r) => ({ quarter: Number(r.period.slice(-1)), rating: r.rating })),
        works: (authored.get(p.code) ?? []).map(toWork),
        achievements: kinds(p.code),
        registrations: titles(p.code),
        fosteredSince: fostered.get(p.code) ?? null,
      }),
      ...standing(p.code),
    }));

    const allMembers = groupBy(everyone, (p) => p.unit_code);
    for (const u of units) {
      const members = allMembers.get(u.code) ?? [];
      const rank = (code: string) => ratingRank(annual.get(code));
      found.push({
        subject: u.code,
        name: u.name,
        kind: 'unit',
        unit: u.code,
        unitName: u.name,
        category: null,
        ...assessUnit({
          year,
          members: members.length,
          ratedGood: members.filter((m) => rank(m.code) >= ratingRank('HTTNV')).length,
          ratedExcellent: members.filter((m) => rank(m.code) >= ratingRank('HTXSNV')).length,
          unrated: members.filter((m) => !annual.has(m.code)).length,
          works: (unitWorks.get(u.code) ?? []).map(toWork),
          achievements: kinds(u.code),
          registrations: titles(u.code),
        }),
        ...standing(u.code),
      });
    }

    // Those already nominated or recognised for some title stay in the ranking, with where they stand:
    // an exemplar is found by the evidence, whatever else the year has given them.
    return found
      .filter((d) => opts.all || d.candidate)
      .sort(compareRanked);
  });
}
