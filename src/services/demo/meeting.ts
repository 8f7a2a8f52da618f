/**
 * The demo's council meeting (18/12/2025) and the principal's decisions (20/12/2025): LDTT is voted
 * first (two clerks enter the counts; the second mistypes one figure, the close is refused, the entry is
 * corrected), then the titles that rest on it, CSTDCS, TTLDTT and TTLDXS, and DHTT; each ballot's paper
 * and minutes are printed; then the principal's decisions for the titles the principal decides and for
 * the year's initiatives. TTLDXS is decided by the province: it goes into the proposal (Tờ trình) and the
 * province's decision is recorded later (`PROVINCE_DECISION`).
 */
import type { ServiceContext } from '../../context.js';
import type { DocModel } from '../../domain/documents.js';
import { WorkflowError } from '../../domain/errors.js';
import { ballotMinutes, ballotPaper } from '../ballot-papers.js';
import { openBallot } from '../ballot-open.js';
import { closeBallot, enterTally } from '../ballot-count.js';
import { checkNomination } from '../nominations.js';
import { listNominations } from '../nomination-list.js';
import { appraiseNomination } from '../nomination-appraisal.js';
import { recogniseInitiatives } from '../recognise-initiatives.js';
import { recognise } from '../recognise.js';
import { DEMO_YEAR } from './year-data.js';
import type { Step } from './councils.js';

/** Writes a document model (or several as one print file) to a path inside the demo folder. */
export type DocWriter = (models: DocModel | DocModel[], file: string) => Promise<string>;

export interface MeetingFile {
  kind: string;
  file: string;
  models: DocModel | DocModel[];
}

export const MEETING_DAY = '2025-12-18';
export const DECISION_DAY = '2025-12-20';

/** The province's decision on the school's Tờ trình, recorded as the clerk reads it (`recognise record`). */
export const PROVINCE_DECISION = {
  award: 'TTLDXS', subjects: ['KXDD'], number: '512/QĐ-UBND', date: '2026-03-10', issuer: 'Chủ tịch Ủy ban nhân dân tỉnh Đồng Nai',
};
const PRESENT = 9;
/** Where the council met, who was away (VC032, on a field trip), and when each vote began and ended. */
const PLACE = 'Phòng họp số 1, Trường Chính trị tỉnh Đồng Nai';
const ABSENT = ['VC032'];
const TIMES: Record<string, [string, string]> = {
  LDTT: ['14:00', '14:50'],
  CSTDCS: ['15:00', '15:20'],
  TTLDTT: ['15:25', '15:40'],
  TTLDXS: ['15:45', '16:00'],
  DHTT: ['16:05', '16:30'],
};

/** How the council voted: most nominees 8 agree, 1 disagree; a few were less convinced. */
const SPLIT: Record<string, string> = {
  'LDTT/VC013': '6,3,0', // 66,67% < 70%: fails
  'LDTT/VC036': '7,1,1', // 77,78%: passes
  'DHTT/VC023': '6,2,1', // fails
};

function voteFor(award: string, subject: string): string {
  return SPLIT[`${award}/${subject}`] ?? '8,1,0';
}

async function appraiseWaiting(c: ServiceContext, award: string): Promise<void> {
  for (const n of await listNominations(c, { year: DEMO_YEAR, award, status: 'submitted' })) {
    if ((await checkNomination(c, n.id)).eligible) await appraiseNomination(c, n.id, { decision: 'accept' });
  }
}

/** One ballot of the meeting: open, paper, counts (twice for LDTT, with a mistake caught), close, minutes. */
async function vote(c: ServiceContext, award: string, files: MeetingFile[], doubleEntry = false): Promise<void> {
  const [start, end] = TIMES[award];
  const { ballot } = await openBallot(c, {
    year: DEMO_YEAR, award, present: PRESENT, absent: ABSENT, date: MEETING_DAY, time: start, place: PLACE, counters: ['VC010', 'VC015', 'VC027'],
  });
  const paper = await ballotPaper(c, ballot.id);
  files.push({ kind: 'ballotPaper', file: `phieu-bieu-quyet-${award}-${DEMO_YEAR}.docx`, models: paper.model });
  const votes = ballot.nominees.map((n) => `${n.nomination}=${voteFor(award, n.subject)}`);
  const counts = { issued: PRESENT, returned: PRESENT, invalid: 0 };
  await enterTally(c, ballot.id, { entry: 1, ...counts, votes });
  if (doubleEntry) {
    // The second clerk misreads one paper of the first nominee (one "agree" as "disagree"): the close is refused.
    const [first, ...rest] = votes;
    const misread = first.replace(/=(\d+),(\d+),/, (_m, a: string, d: string) => `=${Number(a) - 1},${Number(d) + 1},`);
    await enterTally(c, ballot.id, { entry: 2, ...counts, votes: [misread, ...rest] });
    try {
      await closeBallot(c, ballot.id, { time: end });
      throw new Error('the demo expected the two entries to differ');
    } catch (e) {
      if (!(e instanceof WorkflowError)) throw e;
    }
    await enterTally(c, ballot.id, { entry: 2, ...counts, votes });
  }
  await closeBallot(c, ballot.id, { time: end });
  const minutes = await ballotMinutes(c, ballot.id);
  files.push({ kind: 'ballotMinutes', file: `bien-ban-kiem-phieu-${award}-${DEMO_YEAR}.docx`, models: minutes.document.model });
}

export function meetingSteps(files: MeetingFile[]): Step[] {
  return [
    { date: MEETING_DAY, run: (c) => vote(c, 'LDTT', files, true) },
    // CSTDCS and the collective titles rest on LDTT: decidable now, appraised and voted the same afternoon.
    { date: MEETING_DAY, run: (c) => appraiseWaiting(c, 'CSTDCS') },
    { date: MEETING_DAY, run: (c) => vote(c, 'CSTDCS', files) },
    { date: MEETING_DAY, run: (c) => appraiseWaiting(c, 'TTLDTT') },
    { date: MEETING_DAY, run: (c) => vote(c, 'TTLDTT', files) },
    { date: MEETING_DAY, run: (c) => appraiseWaiting(c, 'TTLDXS') },
    { date: MEETING_DAY, run: (c) => vote(c, 'TTLDXS', files) },
    { date: MEETING_DAY, run: (c) => vote(c, 'DHTT', files) },
    // The principal's titles; TTLDXS, decided by the province, waits for its decision.
    ...['LDTT', 'CSTDCS', 'TTLDTT', 'DHTT'].map((award) => ({
      date: DECISION_DAY,
      run: async (c: ServiceContext) => {
        const r = await recognise(c, { year: DEMO_YEAR, award, date: DECISION_DAY });
        files.push({ kind: 'decision', file: `quyet-dinh-cong-nhan-${award}-${DEMO_YEAR}.docx`, models: r.decision.model });
      },
    })),
    {
      date: DECISION_DAY,
      run: async (c: ServiceContext) => {
        // The initiative council met twice (1 and 2 December): its decision cites both minutes.
        const r = await recogniseInitiatives(c, { year: DEMO_YEAR, date: DECISION_DAY, minutes: ['03/BB-HĐSK ngày 01/12/2025', '04/BB-HĐSK ngày 02/12/2025'] });
        files.push({ kind: 'decision', file: `quyet-dinh-cong-nhan-sang-kien-${DEMO_YEAR}.docx`, models: r.decision.model });
      },
    },
  ];
}
