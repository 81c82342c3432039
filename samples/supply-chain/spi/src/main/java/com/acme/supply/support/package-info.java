/**
 * Host classes bundles may use. The host exports this package to bundles through the MicroProfile
 * Config key {@code nbf.exports}: a bundle sees no host package that is not exported, and this one is
 * no SPI, so nbf would not export it on its own.
 */
package com.acme.supply.support;
