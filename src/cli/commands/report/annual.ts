import { yearReport } from './common.js';

/** `report annual --year`: dissemination rows are [] until replication records exist (annualReport's last argument). */
export const { register } = yearReport('annual', async (ctx, data) => {
  const { annualReport } = await import('../../../reports/annual.js');
  return (t) => annualReport(data, ctx.clock.today(), t, []);
});
