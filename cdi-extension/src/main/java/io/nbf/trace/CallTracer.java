package io.nbf.trace;

/** Where the guard starts the spans of calls. Implementations are thread-safe. */
public interface CallTracer {

    /** Traces nothing. */
    CallTracer NONE = (spi, bundle, version, method) -> MethodTracer.NONE;

    /**
     * @param spi the SPI's name
     * @param bundle the bundle id, or {@code null} for a call no live bundle serves
     * @param version its version, or {@code null} likewise
     * @param method the method's name
     * @return the tracer of one method of one bundle version; callers cache it
     */
    MethodTracer method(Class<?> spi, String bundle, String version, String method);

    /** The spans of one method of one bundle version, with their name and attributes built once. */
    interface MethodTracer {

        /** Traces nothing: {@link #start} answers {@code null}. */
        MethodTracer NONE = new MethodTracer() {
            @Override
            public Object start(String route) {
                return null;
            }

            @Override
            public void degraded(String reason, String from, String to) {
            }

            @Override
            public void end(Object started, Throwable failure) {
            }
        };

        /**
         * Starts the call's span, a child of the current one, and makes it current on this thread.
         *
         * @param route the route in force, as text
         * @return what {@link #end} takes, or {@code null} when nothing is traced
         */
        Object start(String route);

        /**
         * Adds a degradation event to the current span (the call's, between {@link #start} and {@link #end}).
         *
         * @param reason why, as the metric attribute has it
         * @param from the bundle id the call was routed to, {@code -} if none was live
         * @param to the bundle id it went to instead
         */
        void degraded(String reason, String from, String to);

        /**
         * Ends the span {@link #start} started and makes its parent current again; on the thread that started it.
         *
         * @param started what {@link #start} answered; {@code null} does nothing
         * @param failure what the call threw to its caller, or {@code null}
         */
        void end(Object started, Throwable failure);
    }
}
