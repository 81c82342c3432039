package io.nbf.modules;

import io.nbf.api.BundleActivator;
import io.nbf.api.BundleContext;
import io.nbf.api.management.BundleInfo;
import io.nbf.api.management.BundleState;
import io.nbf.modules.descriptor.BundleDescriptor;
import io.nbf.modules.loader.LoadedModule;
import io.nbf.modules.registry.ServiceEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One installed bundle version: what install made of it (descriptor, module, services, activator class)
 * and where it stands. The mutable fields are written under its {@link BundleSlot}'s lock; those that
 * {@link #info()} reads are volatile, so queries never wait for a running hook or drain.
 */
final class InstalledBundle {

    final BundleDescriptor descriptor;
    final Path source;
    final Path staged;
    final LoadedModule module;
    final List<ProvidedService> services;
    final Class<? extends BundleActivator> activatorClass;
    final BundleContext context;
    private final Set<String> serviceNames;

    volatile BundleState state = BundleState.INSTALLED;
    volatile Throwable failure;
    /** Its objects while ACTIVE, else {@code null}. */
    Started started;
    /** The entries it serves through while live, else empty. */
    List<ServiceEntry> published = List.of();
    /** Entries withdrawn from the registry on which calls may still be in flight. */
    final List<ServiceEntry> withdrawn = new ArrayList<>();
    /** Whether it is the live version of its id. */
    volatile boolean live;
    boolean everLive;
    /** When it last was live (a sequence number); orders retention. */
    long lastLive;

    InstalledBundle(BundleDescriptor descriptor, Path source, Path staged, LoadedModule module,
            List<ProvidedService> services, Class<? extends BundleActivator> activatorClass) {
        this.descriptor = descriptor;
        this.source = source;
        this.staged = staged;
        this.module = module;
        this.services = List.copyOf(services);
        this.activatorClass = activatorClass;
        this.context = Context.of(descriptor);
        Set<String> names = new LinkedHashSet<>();
        services.forEach(s -> names.add(s.spi().getName()));
        this.serviceNames = Collections.unmodifiableSet(names);
    }

    String name() {
        return descriptor.name();
    }

    /** @return the names of the SPIs the bundle provides */
    Set<String> serviceNames() {
        return serviceNames;
    }

    BundleInfo info() {
        return new Info(descriptor.id(), descriptor.version().toString(), state, live, descriptor.attributes(),
                descriptor.degradationBundle(), serviceNames, source, Optional.ofNullable(failure));
    }

    /** What a start created: service objects, the activator, and what releases their injection. */
    static final class Started {
        final Map<Class<?>, Object> instances = Collections.synchronizedMap(new LinkedHashMap<>());
        final List<Runnable> releases = Collections.synchronizedList(new ArrayList<>());
        volatile BundleActivator activator;
    }
}
