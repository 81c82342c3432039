package com.acme.supply.app;

import com.acme.supply.ConfigReadService;
import io.nbf.api.DynamicInject;
import io.nbf.api.management.BundleInfo;
import io.nbf.api.management.BundleManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;

/**
 * The optional interactive mode ({@code -Dsample.loop=true}): after the scenarios the host keeps running
 * and prints, every two seconds, which bundle the default route and hema-fresh's route reach and which
 * versions are live. Drop a bundle JAR into the bundle directory, or delete one, and watch it go live or
 * away. Stops after {@code sample.loop.seconds} if set; else Ctrl-C ends it.
 */
@ApplicationScoped
class LoopMode {

    @DynamicInject
    ConfigReadService anyMerchant;

    @Inject
    HemaFreshCaller caller;

    @Inject
    BundleManager bundles;

    void run(Report report, SampleDirectories dirs) throws InterruptedException {
        long seconds = Long.getLong("sample.loop.seconds", 0); // 0: until Ctrl-C
        report.section("Loop mode: drop bundle JARs into " + dirs.bundleDir() + " (Ctrl-C stops)");
        long start = System.nanoTime();
        while (seconds <= 0 || System.nanoTime() - start < seconds * 1_000_000_000L) {
            report.line(LocalTime.now().truncatedTo(ChronoUnit.SECONDS)
                    + "  default route -> " + ask(anyMerchant)
                    + "; hema-fresh route -> " + ask(caller.service())
                    + "; live: " + bundles.bundles().stream().filter(BundleInfo::live)
                            .map(b -> b.id() + " " + b.version()).collect(Collectors.joining(", ")));
            Thread.sleep(2000);
        }
    }

    private static String ask(ConfigReadService service) {
        try {
            return Answer.parse(service.queryConfig("delivery.radius.km")).servedBy();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
