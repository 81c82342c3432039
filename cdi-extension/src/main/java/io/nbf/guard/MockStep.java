package io.nbf.guard;

import io.nbf.metrics.DegradationReason;

/** Mock routing {@code force:<bundle>}: every call goes to the mock bundle; nothing below runs. */
final class MockStep implements GuardStep {

    private final Fallback mock;

    MockStep(Fallback mock) {
        this.mock = mock;
    }

    @Override
    public Object apply(GuardedCall call) throws Throwable {
        return mock.call(call, DegradationReason.MOCK, null);
    }
}
