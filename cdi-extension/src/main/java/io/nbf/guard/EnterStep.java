package io.nbf.guard;

import io.nbf.modules.registry.ServiceEntry;

/**
 * Enters the routed entry for the steps below, so that a stopping version drains the call, and leaves
 * it when they return; if a version switch retired the entry first, returns {@link GuardStep#RETRY}.
 */
final class EnterStep implements GuardStep {

    private final GuardStep next;

    EnterStep(GuardStep next) {
        this.next = next;
    }

    @Override
    public Object apply(GuardedCall call) throws Throwable {
        ServiceEntry entry = call.entry();
        if (!entry.tryEnter()) {
            return RETRY;
        }
        try {
            return next.apply(call);
        } finally {
            entry.exit();
        }
    }
}
