/** Wiring that belongs to no single feature: the OpenAPI document, codecs, clients. */
package vn.hanoi.hcc.bff.config;
