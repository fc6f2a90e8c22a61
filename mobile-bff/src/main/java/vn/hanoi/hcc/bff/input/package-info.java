/**
 * Reading what callers send: the text every free-text field and parameter accepts
 * ({@code TextPatterns}), query parameters parsed strictly ({@code QueryParameters}), and the binder
 * advice that refuses unsafe text in any bound parameter ({@code ParameterTextAdvice}). A refusal is an
 * {@code error.InvalidRequestException}; knows no feature.
 */
package vn.hanoi.hcc.bff.input;
