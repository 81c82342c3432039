/**
 * One JBoss Modules module per bundle version, and the host packages bundles may see.
 *
 * <p>A bundle module depends on its own JAR, {@code java.base}, the JDK modules its descriptor
 * declares, and a fallback loader that hands out host classes only from exported packages. Host
 * resources are never visible, so a bundle's {@code ServiceLoader} finds only its own providers.
 */
package io.nbf.modules.loader;
