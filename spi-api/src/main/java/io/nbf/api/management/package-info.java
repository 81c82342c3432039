/**
 * Managing bundles while the host runs: install, start, stop, uninstall, version switch and rollback,
 * and the events they raise. Inject {@link io.nbf.api.management.BundleManager} in a CDI host.
 *
 * <p>Bundles do not see this package.
 */
package io.nbf.api.management;
