import { yearReport } from './common.js';

export const { register } = yearReport('benefits', async (ctx, data) => {
  const { benefitsReport } = await import('../../../reports/benefits.js');
  return (t) => benefitsReport(data, ctx.clock.today(), t);
});
