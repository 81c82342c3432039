/**
 * The CDI glue: {@link io.nbf.cdi.NbfExtension} (portable: Weld, WildFly) and
 * {@link io.nbf.cdi.NbfBuildCompatibleExtension} (Quarkus) collect and validate {@code @DynamicInject}
 * injection points and add one bean per injected type; {@link io.nbf.cdi.NbfContainer} runs the
 * CDI-free {@link io.nbf.runtime.NbfRuntime} for the lifetime of the application and produces
 * {@link io.nbf.api.BundleBroker}, {@link io.nbf.api.management.BundleManager} and
 * {@link io.nbf.api.management.RouteManager}.
 */
package io.nbf.cdi;
