/**
 * Error answers are RFC 9457 problems ({@code application/problem+json}) whichever service writes
 * them: {@link vn.hanoi.hcc.contract.problem.ProblemType} names every kind with its stable
 * {@code type} URI, constant {@code title} and status, and
 * {@link vn.hanoi.hcc.contract.problem.ProblemJsonWriter} writes one where no controller answers.
 * Each service keeps its own body record (both carry the request id; the BFF's also the invalid
 * fields of a 400) and its own mapping from failures to types.
 */
package vn.hanoi.hcc.contract.problem;
