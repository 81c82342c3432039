package io.nbf.modules.messages;

import static org.jboss.logging.Logger.Level.INFO;
import static org.jboss.logging.Logger.Level.WARN;

import java.lang.invoke.MethodHandles;
import java.nio.file.Path;
import org.jboss.logging.Logger;
import org.jboss.logging.annotations.Cause;
import org.jboss.logging.annotations.LogMessage;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageLogger;

/**
 * What the deployment state (the operator's decisions kept across restarts) logs, under the category
 * {@code io.nbf.modules}. Ids {@code NBF1450}–{@code NBF1499}, inside {@code RuntimeLogger}'s declared range, which leaves them free.
 */
@MessageLogger(projectCode = "NBF", length = 4)
public interface StateMessages {

    /** The state's logger. */
    StateMessages STATE = Logger.getMessageLogger(MethodHandles.lookup(), StateMessages.class, "io.nbf.modules");

    @LogMessage(level = WARN)
    @Message(id = 1450, value = "deployment state file %s is unreadable (%s); it is ignored: the bundle directory's highest versions go live")
    void stateUnreadable(Path file, String reason, @Cause Throwable cause);

    @LogMessage(level = WARN)
    @Message(id = 1451, value = "deployment state could not be written to %s: %s; the last decision will not survive a restart")
    void stateNotWritten(Path file, String reason, @Cause Throwable cause);

    @LogMessage(level = WARN)
    @Message(id = 1452, value = "bundle %s:%s could not be restored from the deployment state: %s")
    void notRestored(String bundleId, String version, String reason, @Cause Throwable cause);

    @LogMessage(level = INFO)
    @Message(id = 1453, value = "restored the deployment state of %d bundle id(s) from %s")
    void restored(int ids, Path file);

    @LogMessage(level = INFO)
    @Message(id = 1454, value = "not installing %s: its version was uninstalled by the operator (deployment state)")
    void skippedUninstalled(Path file);
}
