package com.acme.supply.app;

import com.acme.supply.Region;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The host's {@link Region}, which the hema-fresh bundle injects.
 *
 * <p>{@code @Unremovable}: no bean of the application injects it and nbf looks it up at run time, so
 * ArC would remove it as unused (or list it in {@code quarkus.arc.unremovable-types}). It is created
 * inside the first bundle call that uses it; nbf runs a bundle's calls into host beans with the host's
 * context class loader, so it reads its configuration as any host bean does.
 */
@ApplicationScoped
@Unremovable
public class ConfiguredRegion implements Region {

    @ConfigProperty(name = "supply.region", defaultValue = "hangzhou")
    String region;

    @Override
    public String name() {
        return region;
    }
}
