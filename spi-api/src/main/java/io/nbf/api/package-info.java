/**
 * The nbf API that callers and bundles compile against.
 *
 * <p>Callers inject an SPI with {@link io.nbf.api.DynamicInject} (or obtain one from a
 * {@link io.nbf.api.BundleBroker}) and never see a bundle: each call is routed to a live bundle
 * that implements the SPI. Bundles implement SPIs, may implement {@link io.nbf.api.BundleActivator}
 * and see only this package, {@code jakarta.inject}, the SPI packages and the packages the host
 * exports to them.
 *
 * <p>Every exception nbf raises to a caller is a {@link io.nbf.api.NbfException}.
 */
package io.nbf.api;
