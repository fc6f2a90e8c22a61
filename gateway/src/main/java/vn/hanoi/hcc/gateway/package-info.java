/**
 * The HCC API gateway (Spring Cloud Gateway on WebFlux). Routes are declared in YAML
 * ({@code config/gateway/application.yml}); Java holds only what a route cannot say: request ids,
 * header hygiene, the access log ({@code filter}) and problem+json errors ({@code error}).
 */
package vn.hanoi.hcc.gateway;
