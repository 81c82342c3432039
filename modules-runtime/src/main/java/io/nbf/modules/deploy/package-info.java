/** Hot deploy: a watched directory of bundle JARs kept in step with the container. */
package io.nbf.modules.deploy;
