/**
 * The bundle container: {@link io.nbf.modules.BundleEngine} installs bundle JARs as isolated JBoss
 * Modules modules, runs their lifecycle, publishes their services in the
 * {@link io.nbf.modules.registry.ServiceRegistry}, switches and rolls back versions, drains and unloads.
 * Configured with {@link io.nbf.modules.EngineConfig}. Free of CDI: the CDI extension, plain Java and
 * tests use it alike.
 *
 * <p>{@code BundleEngine} is a façade; each concern has a package-private class of its own here:
 * {@code WorkDirectory} (staging), {@code Installer} (module define/unload), {@code Lifecycle} (start, stop,
 * drain), {@code Publisher} (go live/withdraw), {@code VersionHistory} (switch, rollback, retention),
 * {@code LeakTracker} (leaks at uninstall), {@code BundleSlots} (per-id locking, deferred events).
 * Messages and exceptions are typed, in {@link io.nbf.modules.messages}.
 */
package io.nbf.modules;
