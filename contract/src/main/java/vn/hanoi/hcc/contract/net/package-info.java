/** Address blocks: the BFF's forbidden webhook targets, the gateway's trusted trace callers. */
package vn.hanoi.hcc.contract.net;
