import { yearReport } from './common.js';

/** `report annual --year`. */
export const { register } = yearReport('annual', async (ctx, data) => {
  const { annualReport } = await import('../../../reports/annual.js');
  return (t) => annualReport(data, ctx.clock.today(), t);
});
