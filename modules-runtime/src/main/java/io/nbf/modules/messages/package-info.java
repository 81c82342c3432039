/**
 * nbf's typed messages (JBoss Logging): {@link io.nbf.modules.messages.RuntimeLogger} for what the
 * container logs (ids {@code NBF1000}–{@code NBF1499}) and {@link io.nbf.modules.messages.RuntimeMessages}
 * for the exceptions users see ({@code NBF1500}–{@code NBF1999}). The implementations are generated at
 * compile time by {@code jboss-logging-processor}.
 *
 * <p>Internal to modules-runtime, and a leaf: it imports nothing of nbf but {@code io.nbf.api}, so every
 * package of the container can use it. An id, once released, keeps its meaning; a new failure gets a new id.
 */
package io.nbf.modules.messages;
