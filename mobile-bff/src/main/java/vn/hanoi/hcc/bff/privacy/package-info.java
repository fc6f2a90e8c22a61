/**
 * Personal data kept no more than needed: citizen IDs and lookup secrets only as keyed hashes
 * (HMAC-SHA256 with a pepper from a Secret), names masked wherever they are not shown to their
 * owner, and nothing personal in logs.
 */
package vn.hanoi.hcc.bff.privacy;
