/**
 * Telling citizens: their phones (FCM registration tokens, one citizen per token), the in-app inbox,
 * and the push outbox written in the same transaction as the status change that triggers it
 * (result ready, action needed, due date extended), and the reminders of a result not collected or
 * an action still awaited, queued once each by whichever replica finds them due. Texts carry the
 * dossier code, never a name or an ID number.
 */
package vn.hanoi.hcc.bff.notification;
