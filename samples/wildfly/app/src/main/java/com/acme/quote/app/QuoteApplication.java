package com.acme.quote.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST service, under {@code /api}. */
@ApplicationPath("/api")
public class QuoteApplication extends Application {
}
