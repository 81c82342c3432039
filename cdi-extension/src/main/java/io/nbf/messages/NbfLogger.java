package io.nbf.messages;

import static org.jboss.logging.Logger.Level.DEBUG;
import static org.jboss.logging.Logger.Level.ERROR;
import static org.jboss.logging.Logger.Level.INFO;
import static org.jboss.logging.Logger.Level.WARN;

import java.lang.invoke.MethodHandles;
import org.jboss.logging.BasicLogger;
import org.jboss.logging.Logger;
import org.jboss.logging.annotations.Cause;
import org.jboss.logging.annotations.LogMessage;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageLogger;

/**
 * What the CDI extension and its core log, each message with its id ({@code NBF2000} to
 * {@code NBF2499}; the bundle container uses {@code NBF1000} to {@code NBF1999}). Category {@code io.nbf}.
 */
@MessageLogger(projectCode = "NBF", length = 4)
public interface NbfLogger extends BasicLogger {

    /** The logger. */
    NbfLogger LOG = Logger.getMessageLogger(MethodHandles.lookup(), NbfLogger.class, "io.nbf");

    @LogMessage(level = INFO)
    @Message(id = 2000, value = "nbf started: %d bundle version(s) from %s")
    void started(int bundleVersions, Object directory);

    @LogMessage(level = INFO)
    @Message(id = 2001, value = "nbf stopped")
    void stopped();

    @LogMessage(level = ERROR)
    @Message(id = 2002, value = "nbf rejected a configuration change, the last good settings keep serving: %s")
    void configurationRejected(String reason);

    @LogMessage(level = INFO)
    @Message(id = 2003, value = "nbf applied configuration: %s")
    void configurationApplied(Object settings);

    @LogMessage(level = ERROR)
    @Message(id = 2004, value = "nbf could not read its configuration (a config source failed), the last good settings keep serving: %s")
    void configurationUnreadable(String reason, @Cause Throwable cause);

    @LogMessage(level = WARN)
    @Message(id = 2005, value = "the guard of %s on %s asks for a circuit breaker, timeout or rate limit, but %s; until it is, those are not applied (degradation, split and mock are)")
    void faultToleranceMissing(String spi, String bundle, String why);

    @LogMessage(level = WARN)
    @Message(id = 2006, value = "SmallRye Fault Tolerance failed on a call of %s (not an error of the bundle); calls degrade until this is fixed")
    void faultToleranceFailed(String guard, @Cause Throwable cause);

    @LogMessage(level = DEBUG)
    @Message(id = 2007, value = "no generated proxy for %s (%s); using a JDK proxy")
    void noGeneratedProxy(String spi, Object reason);

    @LogMessage(level = DEBUG)
    @Message(id = 2008, value = "preparing the guard of %s failed; its next call will build it")
    void guardNotPrepared(Object site, @Cause Throwable cause);

    @LogMessage(level = WARN)
    @Message(id = 2009, value = "removing nbf's bundle gauges from the metrics registry failed; a later nbf replaces them")
    void gaugesNotRemoved(@Cause Throwable cause);
}
