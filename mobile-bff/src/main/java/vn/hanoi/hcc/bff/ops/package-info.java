/**
 * The Center's view of where dossiers are stuck and how satisfied citizens are: composed from the
 * dossier and rating features' own queries, for Center staff (role {@code ops}).
 */
package vn.hanoi.hcc.bff.ops;
