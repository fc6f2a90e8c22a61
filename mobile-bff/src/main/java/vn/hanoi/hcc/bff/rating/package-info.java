/**
 * Citizens' ratings of their finished dossiers (once each, at status 9 or 10) and the
 * satisfaction rate (share of ratings of 4 or 5) per point and per branch against the 95 % target.
 */
package vn.hanoi.hcc.bff.rating;
