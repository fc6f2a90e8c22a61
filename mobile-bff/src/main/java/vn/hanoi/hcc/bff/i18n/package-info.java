/** The API's two languages and how a caller's locale picks one. Knows no feature. */
package vn.hanoi.hcc.bff.i18n;
