/** The gateway's typed configuration, and its Redis connection (the contract module's) on it. */
package vn.hanoi.hcc.gateway.config;
