/**
 * The bundle descriptor, {@code META-INF/nbf-bundle.properties}, and the version format.
 */
package io.nbf.modules.descriptor;
