// Signals and query of the payment verification workflow, defined from the names in
// src/contracts/payments.ts.
import { defineQuery, defineSignal } from '@temporalio/workflow';
import { paymentSignalNames, verificationStateQueryName, type PaymentSignals, type VerificationState } from '../contracts/payments.js';

export const paymentRecordedSignal = defineSignal<[PaymentSignals['paymentRecorded']]>(paymentSignalNames.paymentRecorded);
export const receiptConfirmedSignal = defineSignal<[PaymentSignals['receiptConfirmed']]>(paymentSignalNames.receiptConfirmed);
export const paymentDisputedSignal = defineSignal<[PaymentSignals['paymentDisputed']]>(paymentSignalNames.paymentDisputed);
export const obligationCorrectedSignal = defineSignal<[PaymentSignals['obligationCorrected']]>(paymentSignalNames.obligationCorrected);
export const appealChangedSignal = defineSignal<[PaymentSignals['appealChanged']]>(paymentSignalNames.appealChanged);

export const verificationStateQuery = defineQuery<VerificationState>(verificationStateQueryName);
