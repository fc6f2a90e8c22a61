/**
 * The HCC mobile BFF. Package by feature ({@code point}, later {@code dossier}, {@code coverage},
 * {@code notification}, {@code ops}); technical code in named packages ({@code config},
 * {@code error}, {@code observability}, {@code seed}). Feature packages do not reach into each
 * other's {@code web} adapters; {@code BoundariesTest} keeps it so.
 */
package vn.hanoi.hcc.bff;
