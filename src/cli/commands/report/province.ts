import { yearReport } from './common.js';

export const { register } = yearReport('province', async (ctx, data) => {
  const { provinceReport } = await import('../../../reports/province.js');
  const { provinceDeadline } = await import('../../../services/reports.js');
  const deadline = await provinceDeadline(ctx, data.year);
  return (t) => provinceReport(data, deadline, ctx.clock.today(), t);
});
