/**
 * The end of the demo year: the initiative council reviews the applications, the units nominate,
 * and the emulation council appraises the dossiers (one ineligible, one returned and completed).
 */
import type { ServiceContext } from '../../context.js';
import { setCouncil } from '../councils.js';
import { decideReview } from '../review-decide.js';
import { scoreInitiative } from '../review-score.js';
import { applyForReview } from '../review-apply.js';
import { checkNomination } from '../nominations.js';
import { listNominations } from '../nomination-list.js';
import { amendNomination, appraiseNomination } from '../nomination-appraisal.js';
import { createNomination } from '../nominate.js';
import { DEMO_PEOPLE } from './school.js';
import {
  DEMO_ANNUAL, DEMO_APPLICATIONS, DEMO_EMULATION_COUNCIL, DEMO_INITIATIVE_COUNCIL, DEMO_INITIATIVES, DEMO_NOMINATIONS, DEMO_YEAR,
} from './year-data.js';

export interface Step {
  date: string;
  run: (ctx: ServiceContext) => Promise<unknown>;
}

const clamp = (n: number) => Math.max(0, Math.min(10, n));

export function councilSteps(initiativeCode: (index: number) => string): Step[] {
  const steps: Step[] = [];
  const roll = DEMO_INITIATIVE_COUNCIL;
  steps.push({ date: '2025-10-15', run: (c) => setCouncil(c, { kind: 'initiative', year: DEMO_YEAR, ...roll }) });
  const voters = [roll.chair, ...roll.vice, ...roll.members, roll.secretary];

  for (const app of DEMO_APPLICATIONS) {
    const code = () => initiativeCode(app.initiative);
    const authors = DEMO_INITIATIVES[app.initiative].authors.map((a) => a.split(':')[0]);
    steps.push({ date: app.on, run: (c) => applyForReview(c, code(), { ...app, date: app.on }) });
    // Each member scores on their own day; authors on the council do not score their own work.
    voters
      .filter((m) => !authors.includes(m))
      .forEach((member, j) => {
        const shift = ((j % 3) - 1) * 0.5;
        const [novelty, applicability, benefit] = app.base.map((b) => String(clamp(b + shift)));
        const date = `2025-11-${String(17 + j).padStart(2, '0')}`;
        steps.push({ date, run: (c) => scoreInitiative(c, code(), { member, novelty, applicability, benefit, date }) });
      });
    const d = app.decision;
    steps.push({
      date: d.on,
      run: (c) =>
        decideReview(c, code(), d.recognise
          ? { decision: 'recognise', conditions: ['new', 'benefit', 'not-excluded'], date: d.on }
          : { decision: 'reject', reason: d.reason, date: d.on }),
    });
  }

  steps.push({ date: '2025-12-01', run: (c) => setCouncil(c, { kind: 'emulation', year: DEMO_YEAR, ...DEMO_EMULATION_COUNCIL }) });

  // Every unit proposes LDTT for its members rated HTTNV or better.
  for (const [code, , unit] of DEMO_PEOPLE) {
    if (['HTNV', 'KHTNV'].includes(DEMO_ANNUAL[code] ?? 'HTTNV')) continue;
    steps.push({
      date: '2025-12-10',
      run: (c) => createNomination(c, {
        subject: code, award: 'LDTT', year: DEMO_YEAR, by: unit, summary: `Hoàn thành tốt nhiệm vụ năm ${DEMO_YEAR}`,
        criteria: ['LDTT2=met:Biên bản họp bình xét của đơn vị'],
      }),
    });
  }
  for (const n of DEMO_NOMINATIONS) steps.push({ date: '2025-12-10', run: (c) => createNomination(c, { ...n, year: DEMO_YEAR }) });

  // Appraisal: every complete dossier is accepted; the two incomplete ones are returned.
  const returned: Record<string, string> = {
    'VC015/DHTT': 'Thiếu minh chứng tiêu chí L1 và L3',
    'VC031/DHTT': 'Không đạt tiêu chí S5: xếp loại năm 2025 là Hoàn thành nhiệm vụ',
  };
  steps.push({
    date: '2025-12-12',
    run: async (c) => {
      for (const n of await listNominations(c, { year: DEMO_YEAR, status: 'submitted' })) {
        const reason = returned[`${n.subject}/${n.award}`];
        if (reason) await appraiseNomination(c, n.id, { decision: 'return', reason });
        else if ((await checkNomination(c, n.id)).eligible) await appraiseNomination(c, n.id, { decision: 'accept' });
      }
    },
  });
  const nominationOf = async (c: ServiceContext, subject: string, award: string) =>
    (await listNominations(c, { year: DEMO_YEAR, award })).find((n) => n.subject === subject)!.id;
  steps.push({
    date: '2025-12-13',
    run: async (c) => amendNomination(c, await nominationOf(c, 'VC015', 'DHTT'), {
      criteria: ['L1=met:Báo cáo kết quả lãnh đạo khoa năm 2025', 'L3=met:Nhận xét của chi bộ khoa'],
    }),
  });
  steps.push({ date: '2025-12-15', run: async (c) => appraiseNomination(c, await nominationOf(c, 'VC015', 'DHTT'), { decision: 'accept' }) });
  return steps;
}
