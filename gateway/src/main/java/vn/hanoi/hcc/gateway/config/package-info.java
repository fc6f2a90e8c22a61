/** The gateway's typed configuration and the logging context. */
package vn.hanoi.hcc.gateway.config;
