package io.nbf.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of nbf's main code, over spi-api, modules-runtime and cdi-extension together (the test class
 * path holds all three): packages read downward along the call path, and CDI stays in its room.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    /**
     * Main code only: not test classes, not the modules-runtime test-jar this module's tests use, and not the
     * TCK's fixtures (nbf-tck-spi, which has CDI and OpenTelemetry helpers for the tests).
     */
    private static final ImportOption MAIN_CODE = new ImportOption() {
        @Override
        public boolean includes(Location location) {
            return ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location) && !location.contains("-tests.jar")
                    && !location.contains("/test-classes/") && !location.contains("nbf-tck-")
                    && !location.contains("/tck/spi/");
        }
    };

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(MAIN_CODE).importPackages("io.nbf");
        // the rules below must see each module, or they pass on nothing
        assertThat(classes.containPackage("io.nbf.api")).as("spi-api imported").isTrue();
        assertThat(classes.containPackage("io.nbf.modules")).as("modules-runtime imported").isTrue();
        assertThat(classes.containPackage("io.nbf.guard")).as("cdi-extension imported").isTrue();
        assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith("io.nbf.cdi.test")))
                .as("test classes left out").isFalse();
        assertThat(classes.containPackage("io.nbf.tck.otel")).as("TCK fixtures left out").isFalse();
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.nbf.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theCallPathReadsDownward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("cdi").definedBy("io.nbf.cdi..")
                .layer("runtime").definedBy("io.nbf.runtime..")
                .layer("proxy").definedBy("io.nbf.proxy..")
                .layer("guard").definedBy("io.nbf.guard..")
                .layer("metrics").definedBy("io.nbf.metrics..")
                .layer("trace").definedBy("io.nbf.trace..")
                .layer("config").definedBy("io.nbf.config..")
                .layer("route").definedBy("io.nbf.route..")
                .layer("dispatch").definedBy("io.nbf.dispatch..")
                .layer("messages").definedBy("io.nbf.messages..")
                .layer("container").definedBy("io.nbf.modules..")
                .layer("api").definedBy("io.nbf.api..")
                .whereLayer("cdi").mayNotBeAccessedByAnyLayer()
                .whereLayer("runtime").mayOnlyBeAccessedByLayers("cdi")
                .whereLayer("proxy").mayOnlyBeAccessedByLayers("cdi", "runtime")
                .whereLayer("guard").mayOnlyBeAccessedByLayers("cdi", "runtime")
                .whereLayer("metrics").mayOnlyBeAccessedByLayers("cdi", "runtime", "guard")
                .whereLayer("trace").mayOnlyBeAccessedByLayers("cdi", "runtime", "guard")
                .whereLayer("config").mayOnlyBeAccessedByLayers("cdi", "runtime", "guard")
                .whereLayer("route").mayOnlyBeAccessedByLayers("cdi", "runtime", "proxy", "guard", "config")
                .whereLayer("dispatch").mayOnlyBeAccessedByLayers("cdi", "runtime", "proxy", "guard", "route")
                .whereLayer("messages").mayOnlyBeAccessedByLayers("cdi", "runtime", "proxy", "guard", "metrics", "config",
                        "route", "dispatch")
                .whereLayer("container").mayOnlyBeAccessedByLayers("cdi", "runtime", "proxy", "guard", "metrics", "config",
                        "route", "dispatch")
                .check(classes);
    }

    @Test
    void cdiStaysInTheGlue() {
        noClasses().that().resideOutsideOfPackages("io.nbf.cdi..", "io.nbf.api..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.enterprise..", "jakarta.inject..")
                .because("the core is CDI-free: only io.nbf.cdi (and the API's annotations) may use CDI")
                .check(classes);
    }

    @Test
    void optionalApisStayInTheClassesLoadedOnlyWhenPresent() {
        // nbf runs where OpenTelemetry or MicroProfile Health is missing: only classes that nbf loads after
        // checking the API is there may refer to it
        noClasses().that().haveNameNotMatching("io\\.nbf\\.(metrics\\.OpenTelemetryCallMetrics|trace\\.OpenTelemetryCallTracer"
                        + "|cdi\\.OpenTelemetryHolder)(\\$.*)?")
                .should().dependOnClassesThat().resideInAnyPackage("io.opentelemetry..")
                .check(classes);
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.eclipse.microprofile.health..")
                .because("the health checks are the optional module nbf-health's")
                .check(classes);
    }

    @Test
    void theContainerImportsNoCdi() {
        noClasses().that().resideInAPackage("io.nbf.modules..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.enterprise..", "jakarta.inject..",
                        "io.nbf.cdi..", "io.nbf.runtime..", "io.nbf.guard..", "io.nbf.proxy..", "io.nbf.route..",
                        "io.nbf.dispatch..", "io.nbf.config..", "io.nbf.metrics..", "io.nbf.trace..")
                .because("modules-runtime serves the portable extension, the build compatible extension and plain Java alike")
                .check(classes);
    }
}
