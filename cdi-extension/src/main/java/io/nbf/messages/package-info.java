/**
 * The typed messages of the CDI extension and its core (JBoss Logging, project code {@code NBF}, ids
 * {@code NBF2000} and up): {@link io.nbf.messages.NbfLogger} for what is logged,
 * {@link io.nbf.messages.NbfMessages} for the exceptions and deployment problems users see. A leaf: it
 * depends on no other nbf package.
 */
package io.nbf.messages;
