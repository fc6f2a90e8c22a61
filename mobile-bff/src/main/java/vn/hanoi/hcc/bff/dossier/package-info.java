/**
 * Dossiers: filed by the city system and agents, moved through the national status codes by their
 * events, followed by their owners and the public (with the receipt's secret), and watched by the
 * Center. The timeline is the event table, which is also the change feed; the timing class is
 * always derived, never stored.
 */
package vn.hanoi.hcc.bff.dossier;
