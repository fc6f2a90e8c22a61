/**
 * Service points: the HQ, the branches, the reception points and the ward points where a citizen
 * can file or collect, whatever their residence. Points are read from PostgreSQL; the seed in
 * {@code vn.hanoi.hcc.bff.seed} loads Hanoi's real ones.
 */
package vn.hanoi.hcc.bff.point;
