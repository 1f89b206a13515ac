// Finance records payments, payees confirm or dispute them, finance corrects obligations. Each
// write commits first and then tells the obligation's verification workflow, which re-reads
// the records: a workflow that is not running (already closed) changes nothing about the write.
// Only finance records and corrects; only the officer the money is for confirms or disputes it.
import type { Response } from 'express';
import { z } from 'zod';
import { cyclePaymentWorkflowId, paymentSignalNames, paymentWorkflowId, type PaymentSignals } from '../../contracts/payments.js';
import { deliverCommitted } from '../deliver.js';
import { confirmReceipt, correctionNoticeId, correctObligation, raiseDispute, recordPayment } from '../paymentLedger.js';
import type { Operations } from '../access/operations.js';
import { mustBeCaller, ownSubjectOf } from '../access/acting.js';
import { actorOf, countyOf } from '../access/principal.js';
import type { Ctx } from '../context.js';
import { daySchema } from '../schemas.js';
import { parseBody } from '../validate.js';
import { Problem } from '../problem.js';
import { reconciliationExports, reconciliationQuery, reconciliationRoute } from './reconciliation.js';
import { corrected, raisedDispute, receipt, reconciliation, recordedPayment } from './money.schemas.js';
import { fromFen, toFen } from '../../core/money.js';

const yuanSchema = z
  .number()
  .positive('expected an amount above 0')
  .refine((n) => Math.abs(n * 100 - toFen(n)) < 1e-6, 'expected whole fen (at most 2 decimals)');
const note = z.string().trim().min(1, 'required').max(2000);

const paymentSchema = z.object({
  obligationId: z.string().min(1).max(200),
  amount: yuanSchema,
  paidOn: daySchema,
  reference: z.string().trim().min(1).max(100),
  /** Optional: the finance user recording it, who is the caller; anyone else is refused. */
  recordedBy: z.string().min(1).max(200).optional(),
});
const disputeSchema = z.object({ reason: z.enum(['not-received', 'wrong-amount']), note });
/** amount: what the payee says they received; when given it must be what is recorded as paid. */
const receiptSchema = z.strictObject({ amount: yuanSchema.optional() });
const correctionSchema = z.discriminatedUnion(
  'action',
  [z.object({ action: z.literal('cancel'), reason: note }), z.object({ action: z.literal('change'), amount: yuanSchema, reason: note })],
  { error: 'expected action cancel or change' },
);

/** Obligation ids contain slashes; a wildcard takes them raw or %2F-encoded. */
const obligationParams = z.object({ id: z.string().min(1).max(200) });

function obligationId(params: { id?: string | string[] }): string {
  const id = Array.isArray(params.id) ? params.id.join('/') : (params.id ?? '');
  if (id.length === 0 || id.length > 200) throw Problem.notFound('obligation', id);
  return id;
}

export function paymentsOperations(
  ctx: Ctx,
): Operations<'getPaymentReconciliation' | 'recordPayment' | 'confirmReceipt' | 'disputePayment' | 'correctPayment'> {
  // The cycle's verification workflow, told which obligation changed; for cycles decided before
  // there was one, the obligation's own workflow.
  const tell = async <S extends keyof PaymentSignals>(res: Response, id: string, signal: S, arg: PaymentSignals[S], status: number, body: object) => {
    const row = await ctx.db.paymentObligation.findUnique({ where: { id }, select: { cycleId: true } });
    const followedUp =
      (row !== null && (await ctx.signals.signal(cyclePaymentWorkflowId(row.cycleId), signal, { ...arg, obligationId: id }))) ||
      (await ctx.signals.signal(paymentWorkflowId(id), signal, arg));
    res.status(status).json({ ...body, followedUp });
  };
  const finance = (res: Response) => ({ actor: actorOf(res), countyId: countyOf(res) });
  const payee = (res: Response) => ({ actor: actorOf(res), countyId: countyOf(res), payee: ownSubjectOf(res) });

  return {
    getPaymentReconciliation: {
      query: reconciliationQuery,
      // JSON by default; format=csv or format=xlsx answers the same figures as a file.
      responses: { 200: [reconciliation, ...reconciliationExports] },
      handler: reconciliationRoute(ctx),
    },

    // recordedBy is the finance user of the request; the body names no one.
    recordPayment: {
      body: paymentSchema,
      responses: { 200: recordedPayment, 201: recordedPayment },
      handler: async (req, res) => {
        const { recordedBy, ...p } = parseBody(paymentSchema, req.body);
        mustBeCaller(res, { pointer: '/recordedBy' }, recordedBy, actorOf(res).id);
        const { payment, created } = await recordPayment(ctx.db, finance(res), ctx.today(), p);
        await tell(res, payment.obligationId, paymentSignalNames.paymentRecorded, { reference: payment.reference }, created ? 201 : 200, {
          ...payment,
          amount: fromFen(payment.amountFen),
        });
      },
    },

    confirmReceipt: {
      params: obligationParams,
      body: receiptSchema,
      responses: { 200: receipt },
      handler: async (req, res) => {
        const id = obligationId(req.params);
        // No body at all is fine: the payee confirms what is recorded as paid.
        const { amount } = parseBody(receiptSchema, req.body ?? {});
        const r = await confirmReceipt(ctx.db, payee(res), ctx.now(), id, amount);
        await tell(res, id, paymentSignalNames.receiptConfirmed, { confirmedFen: r.confirmedFen }, 200, {
          obligationId: id,
          confirmed: fromFen(r.confirmedFen),
          changed: r.changed,
        });
      },
    },

    disputePayment: {
      params: obligationParams,
      body: disputeSchema,
      responses: { 201: raisedDispute },
      handler: async (req, res) => {
        const id = obligationId(req.params);
        const d = parseBody(disputeSchema, req.body);
        const dispute = await raiseDispute(ctx.db, payee(res), id, d);
        await tell(res, id, paymentSignalNames.paymentDisputed, { disputeId: dispute.id, reason: dispute.reason }, 201, dispute);
      },
    },

    correctPayment: {
      params: obligationParams,
      body: correctionSchema,
      responses: { 200: corrected },
      handler: async (req, res) => {
        const id = obligationId(req.params);
        const c = parseBody(correctionSchema, req.body);
        const now = ctx.now();
        const after = await correctObligation(ctx.db, ctx.notifier, finance(res), now, id, c);
        const noticeDelivery = await deliverCommitted(ctx, correctionNoticeId(id, now));
        await tell(res, id, paymentSignalNames.obligationCorrected, { action: c.action }, 200, { ...after, amount: fromFen(after.amountFen), noticeDelivery });
      },
    },
  };
}
