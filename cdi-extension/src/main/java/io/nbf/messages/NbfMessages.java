package io.nbf.messages;

import java.lang.invoke.MethodHandles;
import org.jboss.logging.Messages;
import org.jboss.logging.annotations.Cause;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageBundle;

/**
 * The texts of the exceptions and deployment problems the CDI extension raises, each with its id
 * ({@code NBF2500} to {@code NBF2999}). Every text names the injection point, key, bundle, SPI or route at
 * fault, and what to do.
 */
@MessageBundle(projectCode = "NBF", length = 4)
public interface NbfMessages {

    /** The messages. */
    NbfMessages MSG = Messages.getBundle(MethodHandles.lookup(), NbfMessages.class);

    @Message(id = 2500, value = "@DynamicInject on %s: %s")
    String injectionPointProblem(String where, String problem);

    @Message(id = 2501, value = "nbf configuration: %s")
    String configurationProblem(String problem);

    @Message(id = 2502, value = "no live bundle serves %s on route %s%s; %s")
    String serviceNotFound(String spi, Object route, String declared, String live);

    @Message(id = 2503, value = "bundle %s:%s: %s")
    IllegalArgumentException bundleInjectionPointProblem(String bundleId, String version, String problem);

    @Message(id = 2504, value = "bundle %s: initializer %s failed: %s")
    IllegalStateException initializerFailed(String bundleId, Object method, Throwable failure, @Cause Throwable cause);

    @Message(id = 2505, value = "bundle %s: %s of type %s is ambiguous: %d host beans match %s; add a qualifier")
    IllegalStateException ambiguousHostBean(String bundleId, String where, String type, int beans, Object qualifiers,
            @Cause Throwable cause);

    @Message(id = 2506, value = "bundle %s: %s of type %s%s has no host bean to inject; add one to the host, or remove the @Inject")
    IllegalStateException noHostBean(String bundleId, String where, String type, String qualifiers);

    @Message(id = 2507, value = "nbf: the injected SPI %s is not visible to %s")
    IllegalStateException spiNotVisible(String spi, Object loader, @Cause Throwable cause);

    @Message(id = 2508, value = "%s is not an interface; nbf routes calls of SPI interfaces only")
    IllegalArgumentException notAnInterface(String type);

    @Message(id = 2509, value = "bundle id is null or blank")
    IllegalArgumentException blankBundleId();

    @Message(id = 2510, value = "route parameters are null or empty; give at least one attribute to match")
    IllegalArgumentException noRouteParameters();

    @Message(id = 2511, value = "'%s' is not a bundle id; ids are a letter or digit, then letters, digits, '.', '_' or '-'")
    IllegalArgumentException invalidBundleId(String id);

    @Message(id = 2512, value = "route parameters hold a null key or value: %s")
    IllegalArgumentException nullRouteParameter(Object params);

    @Message(id = 2513, value = "cannot instantiate the generated proxy of %s")
    IllegalStateException proxyNotInstantiable(String spi, @Cause Throwable cause);

    @Message(id = 2515, value = "the guard of %s refused the call of %s on bundle %s:%s: %s; configure a degradation bundle (nbf.bundle.\"%s\".degradation) to serve such calls")
    String callRefused(String spi, String method, String bundleId, String version, String why, String bundleKey);

    @Message(id = 2516, value = "nbf rejected a configuration change, the last good settings keep serving: %s")
    IllegalArgumentException configurationRejected(String reason, @Cause Throwable cause);

    @Message(id = 2514, value = "%s is not exported to bundles, so no bundle can implement it; export its package %s (the nbf.exports config key) or inject it with @DynamicInject")
    IllegalArgumentException spiNotExported(String spi, String pkg);
}
