/**
 * Loads Hanoi's real reference data (wards and service points, from
 * {@code classpath:seed/hanoi}, whose SOURCES.md says where each fact comes from) as Flyway
 * migration V2: exactly once per database, in one transaction, safe with many replicas starting
 * together (Flyway's lock), and idempotent on its own ({@code ON CONFLICT DO NOTHING}).
 */
package vn.hanoi.hcc.bff.seed;
