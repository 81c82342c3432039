/**
 * The bundle container: {@link io.nbf.modules.BundleEngine} installs bundle JARs as isolated JBoss
 * Modules modules, runs their lifecycle, publishes their services in the
 * {@link io.nbf.modules.registry.ServiceRegistry}, switches and rolls back versions, drains and unloads.
 * Configured with {@link io.nbf.modules.EngineConfig}. Free of CDI: the CDI extension, plain Java and
 * tests use it alike.
 */
package io.nbf.modules;
