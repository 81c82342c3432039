/**
 * nbf's settings, read through MicroProfile Config: the static ones once at start ({@link
 * io.nbf.config.NbfSettings}), the dynamic ones ({@link io.nbf.config.DynamicSettings}: routes, and
 * the guard's keys beside them) on every refresh, validated as a whole, with the last good settings
 * kept when a change is rejected. Free of CDI.
 */
package io.nbf.config;
