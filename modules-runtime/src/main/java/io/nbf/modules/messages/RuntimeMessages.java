package io.nbf.modules.messages;

import static org.jboss.logging.annotations.Message.NONE;

import io.nbf.api.BundleFailureException;
import io.nbf.api.management.InvalidBundleException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.net.MalformedURLException;
import java.nio.file.Path;
import org.jboss.logging.Messages;
import org.jboss.logging.annotations.Cause;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageBundle;
import org.jboss.logging.annotations.Param;
import org.jboss.logging.annotations.Signature;
import org.jboss.logging.annotations.ValidIdRange;

/**
 * The exceptions the bundle container throws, each with its id ({@code NBF1500}–{@code NBF1999}) and a
 * message naming the bundle, file, key or class at fault. {@link InvalidBundleException} puts the
 * rejected file before the message ({@code /path/b.jar: NBF1500: does not exist}).
 *
 * <p>Ranges: 1500 the bundle file, 1510 its descriptor, 1520 its classes, 1540 hooks, 1550 management
 * operations, 1560 versions and descriptors built in code, 1570 configuration, 1580 the directory
 * deployer, 1590 the registry, 1600 a bundle's resources; leak findings are fragments of the logged NBF1003. Methods without an id build the specific reason
 * of a message that carries one.
 */
@MessageBundle(projectCode = "NBF", length = 4)
@ValidIdRange(min = 1500, max = 1999)
public interface RuntimeMessages {

    /** The container's messages. */
    RuntimeMessages MSG = Messages.getBundle(MethodHandles.lookup(), RuntimeMessages.class);

    // ------------------------------------------------------------ the bundle file

    @Message(id = 1500, value = "does not exist")
    InvalidBundleException fileMissing(@Param Path source);

    @Message(id = 1501, value = "is not a regular file")
    InvalidBundleException notARegularFile(@Param Path source);

    @Message(id = 1502, value = "cannot be read (%s)")
    InvalidBundleException fileUnreadable(@Param Path source, Object error, @Cause IOException cause);

    @Message(id = 1503, value = "is not a readable JAR file (%s)")
    InvalidBundleException notAJar(@Param Path source, String detail, @Cause IOException cause);

    @Message(id = 1504, value = "%s line %d: '%s' is not a class name")
    InvalidBundleException serviceFileEntryNotAClassName(@Param Path source, String serviceFile, int line, String entry);

    @Message(id = 1505, value = "bundle %s version %s is already installed (from %s); give the new file another version")
    InvalidBundleException alreadyInstalled(@Param Path source, String bundleId, Object version, Path installedFrom);

    @Message(id = 1506, value = "cannot be loaded as a module: %s")
    InvalidBundleException notLoadableAsModule(@Param Path source, Object error, @Cause Throwable cause);

    @Message(id = 1507, value = "entry %s %s is larger than the %d bytes nbf reads; a bundle's descriptor, service files"
            + " and manifest are at most 64 KiB, a class at most 16 MiB (see docs/bundle-format.md)")
    InvalidBundleException entryTooLarge(@Param Path source, String entry, String size, long limit);

    @Message(id = NONE, value = "of %d bytes")
    String ofBytes(long size);

    @Message(id = NONE, value = "of more than %d bytes")
    String moreThan(long limit);

    @Message(id = 1508, value = "has more than %d entries, the most nbf reads")
    InvalidBundleException tooManyEntries(@Param Path source, int limit);

    @Message(id = 1509, value = "cannot be installed: %s")
    InvalidBundleException installFailed(@Param Path source, Object error, @Cause Throwable cause);

    // ------------------------------------------------------------ its descriptor

    @Message(id = 1510, value = "no %s in the JAR; every bundle declares at least id and version there (see docs/bundle-format.md)")
    InvalidBundleException descriptorMissing(@Param Path source, String descriptor);

    @Message(id = 1511, value = "%s cannot be read: %s")
    InvalidBundleException descriptorUnreadable(@Param Path source, String descriptor, String detail, @Cause Exception cause);

    /** One id for every wrong key or value; {@code reason} is one of the fragments below. */
    @Message(id = 1512, value = "%s: %s")
    InvalidBundleException descriptorInvalid(@Param Path source, String descriptor, String reason);

    @Message(id = NONE, value = "unknown key '%s'; the keys are %s and attribute.<name>")
    String unknownKey(String key, Object keys);

    @Message(id = NONE, value = "'id' is missing or blank; give the bundle an id such as id=hema-fresh")
    String idMissing();

    @Message(id = NONE, value = "'id' value '%s' is invalid; use a letter or digit, then letters, digits, '.', '_' or '-' (at most 128)")
    String idInvalid(String id);

    @Message(id = NONE, value = "'%s': %s")
    String keyInvalid(String key, String reason);

    @Message(id = NONE, value = "'activator' value '%s' is not a class name")
    String activatorNotAClassName(String value);

    @Message(id = NONE, value = "'jdk-modules' names '%s', which this JVM does not have")
    String jdkModuleUnknown(String module);

    // ------------------------------------------------------------ its classes

    @Message(id = 1520, value = "contains classes of package %s, which the host exports; a bundle must use the host's copy,"
            + " so leave it out of the JAR (Maven: <scope>provided</scope> on that dependency)")
    InvalidBundleException containsExportedPackage(@Param Path source, String packageName);

    @Message(id = 1521, value = "%s names SPI %s, which the host does not export to bundles; export package %s"
            + " (the nbf.exports config key, or EngineConfig.Builder.export)")
    InvalidBundleException spiNotExported(@Param Path source, String serviceFile, String spi, String packageName);

    @Message(id = 1522, value = "%s names SPI %s, which is neither in the bundle nor exported by the host")
    InvalidBundleException spiNowhere(@Param Path source, String serviceFile, String spi);

    @Message(id = 1523, value = "%s lists no implementation")
    InvalidBundleException noImplementation(@Param Path source, String serviceFile);

    @Message(id = 1524, value = "%s lists %d implementations %s; a bundle provides at most one implementation of an SPI,"
            + " so split them into bundles")
    InvalidBundleException severalImplementations(@Param Path source, String serviceFile, int count, Object implementations);

    @Message(id = 1525, value = "%s names %s, which does not implement %s")
    InvalidBundleException doesNotImplementSpi(@Param Path source, String serviceFile, String implementation, String spi);

    @Message(id = 1526, value = "%s does not implement %s")
    InvalidBundleException notAnActivator(@Param Path source, String what, String activatorInterface);

    @Message(id = 1527, value = "%s, which is not in the bundle")
    InvalidBundleException classNotInBundle(@Param Path source, String what);

    @Message(id = 1528, value = "%s, which cannot be loaded: %s (does it use a host class that is not exported,"
            + " or a JDK module not in jdk-modules?)")
    InvalidBundleException classNotLoadable(@Param Path source, String what, Object error, @Cause LinkageError cause);

    @Message(id = 1529, value = "%s, which is not a class of the bundle but of %s")
    InvalidBundleException classOfAnotherLoader(@Param Path source, String what, Object classLoader);

    @Message(id = 1530, value = "%s, which cannot be linked: %s")
    InvalidBundleException classNotLinkable(@Param Path source, String what, Object error, @Cause LinkageError cause);

    @Message(id = 1531, value = "%s, which must be a public, concrete, top-level class with a public no-argument constructor")
    InvalidBundleException classNotCreatable(@Param Path source, String what);

    @Message(id = NONE, value = "%s names %s")
    String serviceFileNames(String serviceFile, String className);

    @Message(id = NONE, value = "the descriptor's activator %s")
    String descriptorActivator(String className);

    // ------------------------------------------------------------ hooks

    @Signature(value = {String.class, String.class, String.class}, messageIndex = 2)
    @Message(id = 1540, value = "the %s hook of bundle %s did not finish within %d ms; its thread '%s' was interrupted and"
            + " abandoned (raise nbf's hook timeout if the hook is merely slow)")
    BundleFailureException hookTimedOut(@Param String bundleId, @Param String version, String hook, String bundle,
            long timeoutMillis, String thread);

    @Signature(value = {String.class, String.class, String.class, Throwable.class}, messageIndex = 2, causeIndex = 3)
    @Message(id = 1541, value = "the %s hook of bundle %s failed: %s")
    BundleFailureException hookFailed(@Param String bundleId, @Param String version, String hook, String bundle, Object error,
            @Cause Throwable cause);

    @Signature(value = {String.class, String.class, String.class, Throwable.class}, messageIndex = 2, causeIndex = 3)
    @Message(id = 1542, value = "interrupted while the %s hook of bundle %s ran")
    BundleFailureException hookInterrupted(@Param String bundleId, @Param String version, String hook, String bundle,
            @Cause InterruptedException cause);

    @Message(id = 1543, value = "ServiceLoader did not find %s")
    IllegalStateException providerNotFound(String implementation);

    // ------------------------------------------------------------ management operations

    @Message(id = 1550, value = "bundle %s is not installed")
    IllegalArgumentException notInstalled(String bundleId);

    @Message(id = 1551, value = "bundle %s version %s is not installed; installed versions: %s")
    IllegalArgumentException versionNotInstalled(String bundleId, String version, Object installedVersions);

    @Message(id = 1552, value = "bundle %s has no earlier live version to roll back to; installed: %s")
    IllegalStateException noEarlierLiveVersion(String bundleId, Object installedVersions);

    @Message(id = 1553, value = "bundle %s has no live version to refresh; installed: %s")
    IllegalStateException noLiveVersion(String bundleId, Object installedVersions);

    @Message(id = 1554, value = "the nbf bundle engine is closed")
    IllegalStateException engineClosed();

    @Message(id = 1555, value = "cannot create nbf's work directory: %s")
    UncheckedIOException workDirectoryNotCreated(String detail, @Cause IOException cause);

    // ------------------------------------------------------------ versions and descriptors built in code

    /** One id for a version text that does not parse; {@code reason} is one of the two fragments below. */
    @Message(id = 1560, value = "%s")
    IllegalArgumentException invalidVersion(String reason);

    @Message(id = NONE, value = "version is missing; expected major[.minor[.micro]][-qualifier], e.g. 1.0.0")
    String versionMissing();

    @Message(id = NONE, value = "version '%s' is malformed; expected major[.minor[.micro]][-qualifier], e.g. 1.0.0 or 2.1-hotfix")
    String versionMalformed(String text);

    /** One id for a value a descriptor builder rejects; {@code reason} is one of the fragments below. */
    @Message(id = 1561, value = "%s")
    IllegalArgumentException invalidDescriptorValue(String reason);

    @Message(id = NONE, value = "bundle id '%s' is invalid; use a letter or digit, then letters, digits, '.', '_' or '-' (at most 128)")
    String bundleIdInvalid(String id);

    @Message(id = NONE, value = "attribute name is blank")
    String attributeNameBlank();

    @Message(id = NONE, value = "degradation bundle id '%s' is invalid")
    String degradationIdInvalid(String id);

    @Message(id = NONE, value = "a bundle cannot be its own degradation bundle ('%s')")
    String ownDegradation(String id);

    // ------------------------------------------------------------ configuration

    @Message(id = 1570, value = "retainedVersions must be 0 or more, not %d")
    IllegalArgumentException retainedVersionsNegative(int count);

    @Message(id = 1571, value = "%s must be positive, not %s")
    IllegalArgumentException durationNotPositive(String setting, Object value);

    @Message(id = 1572, value = "'%s' is not a package name (com.acme.spi) or a package tree (com.acme.*)")
    IllegalArgumentException exportNotAPackage(String entry);

    @Message(id = 1573, value = "'%s' is a JDK package; bundles get java.base, and other JDK modules through jdk-modules in their descriptor")
    IllegalArgumentException exportIsJdkPackage(String entry);

    // ------------------------------------------------------------ directory deployer

    @Message(id = 1580, value = "already started (watching %s)")
    IllegalStateException deployerAlreadyStarted(Path directory);

    @Message(id = 1581, value = "scan interval must be positive, not %s")
    IllegalArgumentException scanIntervalNotPositive(Object interval);

    @Message(id = 1582, value = "cannot create the bundle directory %s: %s")
    UncheckedIOException bundleDirectoryNotCreated(Path directory, String detail, @Cause IOException cause);

    @Message(id = 1583, value = "cannot list the bundle directory %s: %s")
    UncheckedIOException bundleDirectoryNotListed(Path directory, String detail, @Cause IOException cause);

    // ------------------------------------------------------------ registry

    @Message(id = 1590, value = "%s does not belong to bundle %s")
    IllegalArgumentException entryOfAnotherBundle(Object entry, String bundleId);

    @Message(id = 1591, value = "bundle %s publishes two implementations of %s")
    IllegalArgumentException twoImplementations(String bundleId, String spi);

    @Message(id = 1592, value = "bundle %s publishes %d implementations of one SPI")
    IllegalArgumentException severalImplementationsOfOneSpi(String bundleId, int count);

    @Message(id = 1593, value = "%s does not implement %s")
    IllegalArgumentException instanceNotOfSpi(String implementation, String spi);

    @Message(id = 1594, value = "interrupted while %s drained")
    InterruptedException drainInterrupted(Object entry);

    // ------------------------------------------------------------ leak findings (the findings of an NBF1003 report)

    @Message(id = NONE, value = "thread '%s' started by the bundle still runs; stop it in BundleActivator.stop")
    String threadStillRuns(String thread);

    @Message(id = NONE, value = "thread '%s' had the bundle's context class loader; reset to the host's"
            + " (if the bundle started it, stop it in BundleActivator.stop)")
    String contextClassLoaderReset(String thread);

    @Message(id = NONE, value = "shutdown hook '%s' of the bundle was removed")
    String shutdownHookRemoved(String hook);

    @Message(id = NONE, value = "thread '%s' held a ThreadLocal value from the bundle; cleared")
    String threadLocalCleared(String thread);

    @Message(id = NONE, value = "thread '%s' held a ThreadLocal value of %s from the bundle; cleared")
    String threadLocalOfTypeCleared(String thread, String valueType);

    @Message(id = NONE, value = "thread locals of '%s' could not be checked: %s")
    String threadLocalsUnchecked(String thread, Object error);

    // ------------------------------------------------------------ a bundle's resources

    @Message(id = 1600, value = "no URL for %s in %s")
    IllegalStateException noResourceUrl(String entry, String jar, @Cause MalformedURLException cause);

    @Message(id = 1601, value = "%s belongs to an uninstalled bundle")
    FileNotFoundException jarOfUninstalledBundle(String jar);

    @Message(id = 1602, value = "%s in %s")
    FileNotFoundException resourceNotFound(String entry, String jar);

    @Message(id = 1603, value = "no entry name in %s")
    IOException noEntryName(Object url);

    // ------------------------------------------------------------ more leak findings (of an NBF1003 report)

    @Message(id = NONE, value = "thread '%s' held a ThreadLocal value, a %s holding a %s from the bundle; cleared")
    String threadLocalHoldingCleared(String thread, String containerType, String elementType);

    @Message(id = NONE, value = "JDBC driver %s of the bundle was still registered with DriverManager; deregistered")
    String jdbcDriverDeregistered(String driverClass);

    @Message(id = NONE, value = "JDBC drivers registered with DriverManager could not be checked: %s")
    String jdbcDriversUnchecked(Object error);

    @Message(id = NONE, value = "MBean %s of the bundle was unregistered")
    String mbeanUnregistered(String objectName);

    @Message(id = NONE, value = "MBean %s of the bundle could not be unregistered: %s")
    String mbeanNotUnregistered(String objectName, Object error);

    @Message(id = NONE, value = "java.util.logging handler %s of the bundle was removed from logger '%s' and closed")
    String logHandlerRemoved(String handlerClass, String logger);

    @Message(id = NONE, value = "security provider '%s' (%s) of the bundle was removed")
    String securityProviderRemoved(String provider, String providerClass);

    @Message(id = NONE, value = "security provider '%s' of the bundle could not be removed: %s")
    String securityProviderNotRemoved(String provider, Object error);
}
