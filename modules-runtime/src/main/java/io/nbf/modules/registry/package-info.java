/**
 * The service registry: SPI type to the live implementations, by bundle id, version and attributes.
 *
 * <p>Readers take an immutable {@link io.nbf.modules.registry.RegistrySnapshot} with one volatile
 * read and no lock; writers build a new snapshot and publish it in one step. A call enters a
 * {@link io.nbf.modules.registry.ServiceEntry} before it runs and exits after, which is how a retired
 * version knows when its in-flight calls have ended.
 */
package io.nbf.modules.registry;
