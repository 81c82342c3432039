package io.nbf.cdi.testhost;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class FixedClock implements Clock {
    @Override
    public String now() {
        return "12:00";
    }
}
