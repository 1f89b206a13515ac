// Notices the API publishes itself go on to the configured channels once their transaction has
// committed. The inbox already holds them, so a delivery that cannot be started is logged and
// reported in the response rather than failing a request whose change is stored.
import type { Ctx } from './context.js';

export async function deliverCommitted(ctx: Ctx, noticeId: string): Promise<boolean> {
  try {
    await ctx.signals.deliverNotice(noticeId);
    return true;
  } catch (err) {
    ctx.log.warn({ err }, `notice ${noticeId} is in the inbox but its delivery could not be started`);
    return false;
  }
}
