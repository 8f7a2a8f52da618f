/** Everything recorded about one person, all years: for `person show`. */
import type { Tx } from '../tx.js';

export async function personRecord(trx: Tx, code: string) {
  const registrations = await trx
    .selectFrom('registrations')
    .innerJoin('titles', 'titles.code', 'registrations.award')
    .select(['registrations.id', 'registrations.year', 'registrations.award', 'titles.name as awardName', 'registrations.status'])
    .where('registrations.subject_code', '=', code)
    .orderBy('registrations.year', 'desc')
    .orderBy('titles.sort')
    .execute();
  const initiatives = await trx
    .selectFrom('initiative_authors')
    .innerJoin('initiatives', 'initiatives.code', 'initiative_authors.initiative_code')
    .select(['initiatives.code', 'initiatives.kind', 'initiatives.year', 'initiatives.title', 'initiatives.status', 'initiatives.status_on as statusOn', 'initiative_authors.share'])
    .where('initiative_authors.person_code', '=', code)
    .orderBy('initiatives.year', 'desc')
    .orderBy('initiatives.code')
    .execute();
  const ratings = await trx
    .selectFrom('ratings')
    .innerJoin('rating_levels', 'rating_levels.code', 'ratings.rating')
    .select(['ratings.period', 'ratings.rating', 'rating_levels.name as ratingName'])
    .where('ratings.person_code', '=', code)
    .execute();
  // Newest year first; in a year, the annual rating, then the quarters from the last.
  ratings.sort((a, b) => b.period.slice(0, 4).localeCompare(a.period.slice(0, 4)) || a.period.length - b.period.length || b.period.localeCompare(a.period));
  const achievements = await trx
    .selectFrom('achievements')
    .select(['id', 'date', 'kind', 'text', 'movement_code as movement'])
    .where('subject_code', '=', code)
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const fostering = await trx
    .selectFrom('foster_watch')
    .innerJoin('people as mentor', 'mentor.code', 'foster_watch.mentor_code')
    .select(['foster_watch.id', 'foster_watch.goal', 'foster_watch.started_on as since', 'foster_watch.ended_on as ended', 'mentor.name as mentorName'])
    .where('foster_watch.person_code', '=', code)
    .orderBy('foster_watch.started_on', 'desc')
    .execute();
  return { registrations, initiatives, ratings, achievements, fostering };
}
