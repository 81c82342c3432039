/**
 * The CDI-free core both CDI extension forms call: {@link io.nbf.runtime.NbfRuntime} ties the bundle
 * container, hot deploy, routing and configuration together.
 */
package io.nbf.runtime;
