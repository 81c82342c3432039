package io.nbf.guard;

import io.nbf.modules.registry.ServiceRegistry;

/**
 * What every bundle guard of one dispatcher shares.
 *
 * @param registry the live services, where degradation and mock bundles are found
 * @param host the host class loader, through which Fault Tolerance is found
 * @param fallbackMetrics where the calls degradation and mock bundles serve are recorded
 */
record GuardResources(ServiceRegistry registry, ClassLoader host, FallbackMetrics fallbackMetrics) {
}
