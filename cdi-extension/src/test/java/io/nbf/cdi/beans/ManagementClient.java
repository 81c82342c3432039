package io.nbf.cdi.beans;

import io.nbf.api.BundleBroker;
import io.nbf.api.management.BundleManager;
import io.nbf.api.management.RouteManager;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** The broker and the management APIs, injected. */
@Dependent
public class ManagementClient {

    @Inject
    public BundleBroker broker;

    @Inject
    public BundleManager bundles;

    @Inject
    public RouteManager routes;
}
