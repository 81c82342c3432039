package io.nbf.modules.messages;

import static org.jboss.logging.Logger.Level.DEBUG;
import static org.jboss.logging.Logger.Level.ERROR;
import static org.jboss.logging.Logger.Level.INFO;
import static org.jboss.logging.Logger.Level.WARN;

import java.lang.invoke.MethodHandles;
import java.nio.file.Path;
import org.jboss.logging.Logger;
import org.jboss.logging.annotations.Cause;
import org.jboss.logging.annotations.LogMessage;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageLogger;
import org.jboss.logging.annotations.ValidIdRange;

/**
 * What the bundle container logs, under the category {@code io.nbf.modules}. Ids {@code NBF1000}–{@code NBF1499}:
 * 1000–1019 the engine, 1020–1039 the directory deployer.
 */
@MessageLogger(projectCode = "NBF", length = 4)
@ValidIdRange(min = 1000, max = 1499)
public interface RuntimeLogger {

    /** The container's logger. */
    RuntimeLogger LOG = Logger.getMessageLogger(MethodHandles.lookup(), RuntimeLogger.class, "io.nbf.modules");

    // ------------------------------------------------------------ engine

    @LogMessage(level = DEBUG)
    @Message(id = 1000, value = "installed %s from %s")
    void installed(String bundle, Path source);

    @LogMessage(level = WARN)
    @Message(id = 1001, value = "bundle %s did not start and is FAILED: %s")
    void startFailed(String bundle, String failure, @Cause Throwable cause);

    @LogMessage(level = WARN)
    @Message(id = 1002, value = "bundle %s did not stop cleanly and is FAILED: %s")
    void stopFailed(String bundle, String failure, @Cause Throwable cause);

    @LogMessage(level = WARN)
    @Message(id = 1003, value = "after uninstalling %s")
    void leaksFound(Object leakReport);

    @LogMessage(level = WARN)
    @Message(id = 1004, value = "bundle %s still had %d call(s) in flight after %d ms; stopping it anyway")
    void drainTimedOut(String bundle, long inFlight, long drainMillis);

    @LogMessage(level = WARN)
    @Message(id = 1005, value = "interrupted while calls on %s drained; stopping it anyway")
    void drainInterrupted(String bundle);

    @LogMessage(level = WARN)
    @Message(id = 1006, value = "releasing an object of bundle %s failed")
    void releaseFailed(String bundle, @Cause Throwable cause);

    @LogMessage(level = DEBUG)
    @Message(id = 1007, value = "retiring %s: more than %d former versions of %s")
    void retiring(String bundle, int retainedVersions, String bundleId);

    @LogMessage(level = WARN)
    @Message(id = 1008, value = "closing bundles of %s failed")
    void closeFailed(String bundleId, @Cause Throwable cause);

    @LogMessage(level = WARN)
    @Message(id = 1009, value = "bundle listener %s failed on %s")
    void listenerFailed(Object listener, Object event, @Cause Throwable cause);

    @LogMessage(level = DEBUG)
    @Message(id = 1010, value = "cannot list %s")
    void cannotList(Path directory, @Cause Throwable cause);

    @LogMessage(level = DEBUG)
    @Message(id = 1011, value = "cannot delete %s")
    void cannotDelete(Path file, @Cause Throwable cause);

    @LogMessage(level = INFO)
    @Message(id = 1012, value = "thread locals, shutdown hooks and JDBC drivers that uninstalled bundles leave behind are not checked;"
            + " start the JVM with %s to let nbf find and clear them")
    void deepScanUnavailable(String jvmFlag);

    @LogMessage(level = WARN)
    @Message(id = 1013, value = "could not activate JBoss Modules' System.LoggerFinder (%s); System.Logger output may be lost."
            + " Add a LoggerFinder to the class path to avoid this.")
    void loggerFinderNotActivated(Object error);

    // ------------------------------------------------------------ directory deployer

    @LogMessage(level = WARN)
    @Message(id = 1020, value = "the scan of %s did not end within 30 s")
    void scanDidNotEnd(Path directory);

    @LogMessage(level = INFO)
    @Message(id = 1021, value = "deployed %s %s from %s")
    void deployed(String bundleId, String version, Path fileName);

    @LogMessage(level = INFO)
    @Message(id = 1022, value = "uninstalled %s %s: %s was deleted")
    void undeployed(String bundleId, String version, Path fileName);

    @LogMessage(level = WARN)
    @Message(id = 1023, value = "uninstalling %s %s failed")
    void undeployFailed(String bundleId, String version, @Cause Throwable cause);

    @LogMessage(level = ERROR)
    @Message(id = 1024, value = "bundle file %s was not deployed: %s")
    void notDeployed(Path file, String reason);

    @LogMessage(level = WARN)
    @Message(id = 1025, value = "scanning %s failed; trying again in %d ms")
    void scanFailed(Path directory, long intervalMillis, @Cause Throwable cause);

    // ------------------------------------------------------------ engine: reclaim check (after the deployer's ids)

    @LogMessage(level = WARN)
    @Message(id = 1031, value = "%s is not collected %d ms after its uninstall and a requested full collection: something"
            + " still holds its class loader (a leak if it stays in unreclaimed()). The scan at uninstall found: %s")
    void notReclaimed(String bundle, long millis, Object leakReport);
}
