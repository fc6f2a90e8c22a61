/**
 * Agents' webhooks: where each agent wants the status changes of the dossiers it filed, and the
 * rules a target must meet (no private, loopback or link-local address unless configured).
 */
package vn.hanoi.hcc.bff.webhook;
