package io.nbf.trace;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Scope;

/**
 * Calls as OpenTelemetry spans (see {@link io.nbf.trace}). Only loaded when the OpenTelemetry API is
 * visible to the host.
 */
public final class OpenTelemetryCallTracer implements CallTracer {

    static final AttributeKey<String> SPI = AttributeKey.stringKey("nbf.spi");
    static final AttributeKey<String> METHOD = AttributeKey.stringKey("nbf.method");
    static final AttributeKey<String> BUNDLE = AttributeKey.stringKey("nbf.bundle.id");
    static final AttributeKey<String> VERSION = AttributeKey.stringKey("nbf.bundle.version");
    static final AttributeKey<String> ROUTE = AttributeKey.stringKey("nbf.route");
    static final AttributeKey<String> REASON = AttributeKey.stringKey("nbf.degradation.reason");
    static final AttributeKey<String> FROM = AttributeKey.stringKey("nbf.degradation.from");
    static final AttributeKey<String> TO = AttributeKey.stringKey("nbf.degradation.to");
    static final String DEGRADED = "nbf.degraded";

    private final Tracer tracer;

    /**
     * @param tracerProvider an {@code io.opentelemetry.api.trace.TracerProvider}, typed as Object so callers need not load it
     * @param scope the instrumentation scope's name
     * @param version its version
     */
    public OpenTelemetryCallTracer(Object tracerProvider, String scope, String version) {
        this.tracer = ((TracerProvider) tracerProvider).tracerBuilder(scope).setInstrumentationVersion(version).build();
    }

    /**
     * @param tracerProvider an {@code io.opentelemetry.api.trace.TracerProvider}
     * @return whether it traces anything: not the API's no-op provider
     */
    public static boolean traces(Object tracerProvider) {
        return tracerProvider != null && tracerProvider != TracerProvider.noop();
    }

    @Override
    public MethodTracer method(Class<?> spi, String bundle, String version, String method) {
        AttributesBuilder a = Attributes.builder().put(SPI, spi.getName()).put(METHOD, method);
        if (bundle != null) {
            a.put(BUNDLE, bundle).put(VERSION, version);
        }
        return new Method(spi.getSimpleName() + "." + method, a.build());
    }

    private final class Method implements MethodTracer {
        private final String spanName;
        private final Attributes attributes;

        Method(String spanName, Attributes attributes) {
            this.spanName = spanName;
            this.attributes = attributes;
        }

        @Override
        public Object start(String route) {
            Span span = tracer.spanBuilder(spanName).setSpanKind(SpanKind.INTERNAL).setAllAttributes(attributes)
                    .setAttribute(ROUTE, route).startSpan();
            return span.makeCurrent();
        }

        @Override
        public void degraded(String reason, String from, String to) {
            Span.current().addEvent(DEGRADED, Attributes.of(REASON, reason, FROM, from, TO, to));
        }

        @Override
        public void end(Object started, Throwable failure) {
            if (started == null) {
                return;
            }
            Span span = Span.current(); // the call's: the steps below closed every scope they opened
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR, failure.getClass().getName());
            }
            ((Scope) started).close();
            span.end();
        }
    }
}
