/**
 * nbf's MicroProfile Health checks, an optional module ({@code io.nbf:nbf-health}): the startup check
 * {@code nbf-deployment} and the readiness check {@code nbf-bundles} (see docs/observability.md). The
 * reports themselves are the CDI-free {@link io.nbf.runtime.BundleHealth}'s.
 */
package io.nbf.health;
