import { definePeriodicTask, todayInFrance, type Context } from '../../server/kit/index.js';
import { SupportAction } from './strategy.entity.js';
import { SupportRequest } from './support-request.entity.js';
import { ActionStatus } from './support.enums.js';
import { ActionOverdue, PositionMissing } from './support.events.js';
import { POSITION_STATUSES, PositionService } from './position.service.js';

/*
 * The daily follow-up: actions past their due date and positions still awaited become durable events
 * (written in the transaction, delivered at least once) that a partner's portal or a webhook acts on.
 * The kit runs it once per day across processes (a PostgreSQL advisory lock).
 */

/** Days after a partner was asked (the qualification, or the committee's invitation) at which its missing position is flagged (as Conseillers-Entreprises reminds at 9, 21 and 45 days). */
export const REMINDER_DAYS: readonly number[] = [9, 21, 45];

/** Open requests read per batch by the follow-up. */
const BATCH = 200;

/** What one run flagged. */
export interface FollowUpReport {
  overdueActions: number;
  missingPositions: number;
}

export async function followUp(ctx: Context, now = new Date()): Promise<FollowUpReport> {
  const today = todayInFrance(now);
  const report: FollowUpReport = { overdueActions: 0, missingPositions: 0 };
  await ctx.transaction(async (tx) => {
    const overdue = await tx.em.find(SupportAction, { status: { $in: [ActionStatus.PLANNED, ActionStatus.IN_PROGRESS] }, dueOn: { $lt: today }, overdueFlaggedOn: null }, { limit: 10_000 });
    for (const action of overdue) {
      action.overdueFlaggedOn = today;
      tx.publish(ActionOverdue, { actionId: action.id, requestId: action.request.id, ownerId: action.owner.id, dueOn: action.dueOn });
    }
    report.overdueActions = overdue.length;
    await tx.em.flush();
  });
  // Missing positions: the partners asked 9, 21 or 45 days ago (Paris days) that have not answered, in batches of requests.
  const days = (d: Date) => Math.round((Date.parse(today) - Date.parse(todayInFrance(d))) / 86_400_000);
  let after: string | null = null;
  for (;;) {
    const requests: SupportRequest[] = await ctx.em.find(
      SupportRequest,
      { status: { $in: [...POSITION_STATUSES] }, ...(after ? { id: { $gt: after } } : {}) },
      { orderBy: { id: 'asc' }, limit: BATCH },
    );
    if (requests.length === 0) break;
    after = requests[requests.length - 1]!.id;
    // Together, so that the batch's invitations, positions and partners come in one statement each (loaders).
    const missing = await Promise.all(requests.map((r) => PositionService.missing(ctx, r, now)));
    const flags = requests.flatMap((request, k) =>
      missing[k]!.filter((m) => REMINDER_DAYS.includes(days(m.since))).map((m) => ({ requestId: request.id, partnerId: m.partner.id, since: m.since.toISOString(), days: days(m.since) })),
    );
    if (flags.length > 0) await ctx.transaction(async (tx) => flags.forEach((f) => tx.publish(PositionMissing, f)));
    report.missingPositions += flags.length;
  }
  return report;
}

export const FOLLOW_UP_TASK = definePeriodicTask({ name: 'support.follow-up', dailyAt: '07:00', run: async (ctx) => void (await followUp(ctx)) });
