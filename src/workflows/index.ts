export { quarterlyEvaluation } from './quarterlyEvaluation.js';
export { scheduledQuarterlyCycle } from './scheduledCycle.js';
export { yearEndEvaluation } from './yearEndEvaluation.js';
export { scheduledYearEnd } from './scheduledYearEnd.js';
export { jointNoticeAcknowledgement } from './jointNoticeAcknowledgement.js';
export { paymentFollowUps } from './paymentFollowUps.js';
export { paymentVerification } from './paymentVerification.js';
export { noticeDelivery } from './noticeDelivery.js';
