package io.nbf.modules;

import static io.nbf.modules.messages.RuntimeMessages.MSG;

import io.nbf.api.BundleFailureException;
import io.nbf.modules.mdc.BundleMdc;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs bundle code (constructors, injection, hooks) on a fresh daemon thread whose context class
 * loader is the bundle's, and gives up waiting after the hook timeout. A fresh thread per hook
 * leaves no pool behind and inherits no thread locals from the caller. While bundle code runs, the MDC
 * holds the bundle ({@link BundleMdc}; its SPI key lists the SPIs the bundle provides).
 */
final class HookRunner {

    private final Duration timeout;

    HookRunner(Duration timeout) {
        this.timeout = timeout;
    }

    /** The thread ends right after its task; waiting for that keeps a leak scan from mistaking it for a bundle's thread. */
    private static void joinQuietly(Thread thread) {
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs one hook of a bundle and waits for it.
     *
     * @param bundle the bundle whose code runs
     * @param hook the hook's name for messages: {@code start}, {@code stop}, {@code refresh}
     * @param task the bundle code
     * @throws BundleFailureException if the task threw (NBF1541, the cause is kept), ran past the timeout
     *         (NBF1540; its thread is interrupted and abandoned), or the caller was interrupted (NBF1542)
     */
    void run(InstalledBundle bundle, String hook, Callable<?> task) {
        String spis = String.join(",", bundle.serviceNames());
        FutureTask<Object> future = new FutureTask<>(() -> {
            // the thread is fresh, so there is nothing to restore; exit anyway, as the thread may be kept by a pool one day
            Object mdc = BundleMdc.enter(bundle.descriptor.id(), bundle.descriptor.version().toString(), spis);
            try {
                return task.call();
            } finally {
                BundleMdc.exit(mdc);
                Thread.currentThread().setContextClassLoader(null); // it ends now; hold the bundle no longer
            }
        });
        Thread thread = new Thread(null, future, "nbf " + hook + " " + bundle.name(), 0, false);
        thread.setDaemon(true);
        thread.setContextClassLoader(bundle.module.classLoader());
        thread.start();
        String id = bundle.descriptor.id();
        String version = bundle.descriptor.version().toString();
        try {
            future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            joinQuietly(thread);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw MSG.hookTimedOut(id, version, hook, bundle.name(), timeout.toMillis(), thread.getName());
        } catch (ExecutionException e) {
            joinQuietly(thread);
            Throwable cause = e.getCause();
            throw MSG.hookFailed(id, version, hook, bundle.name(), cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            throw MSG.hookInterrupted(id, version, hook, bundle.name(), e);
        }
    }
}
