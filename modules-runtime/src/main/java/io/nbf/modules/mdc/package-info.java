/**
 * The bundle in the logging MDC: {@link io.nbf.modules.mdc.BundleMdc}, used by bundle hooks here and by
 * routed calls in the CDI extension.
 */
package io.nbf.modules.mdc;
