package com.acme.supply.app;

import com.acme.supply.ConfigReadService;
import io.nbf.api.BundleBroker;
import io.nbf.api.DynamicInject;
import io.nbf.api.DynamicInvoker;
import io.nbf.api.RouteType;
import io.nbf.api.management.RouteManager;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Scenario 1: every way of calling a bundle, each choosing its bundle by another rule. The injected
 * objects are routing proxies: the bundle is chosen on every call, against the bundles live at that
 * moment, so none of these fields ever needs re-injecting when bundles come and go.
 */
@ApplicationScoped
class RoutingScenario {

    private static final String KEY = "delivery.radius.km";

    /** The seed's form: no @Inject. Default route: the single live implementation, or the lowest id of several. */
    @DynamicInject
    ConfigReadService anyMerchant;

    /** ID route: the bundle with exactly this id. */
    @Inject
    @DynamicInject(pattern = "rt-mart")
    ConfigReadService rtMart;

    /** REG route: a regular expression over the whole id; of several matches the lowest id wins. */
    @Inject
    @DynamicInject(pattern = "^drf-hz.*$", type = RouteType.REG)
    ConfigReadService hangzhou;

    /** RULE route: a JSON object the bundle's attributes must match (2001 matches the attribute "2001" as a number). */
    @Inject
    @DynamicInject(pattern = "{\"merchant\":\"hema\",\"wareHouseId\":2001}", type = RouteType.RULE)
    ConfigReadService hemaWarehouse2001;

    /** Per call: the caller names the bundle, or the attributes, each time. */
    @DynamicInject
    DynamicInvoker<ConfigReadService> merchants;

    /** Programmatic access, for code that cannot use @DynamicInject. */
    @Inject
    BundleBroker broker;

    @Inject
    RouteManager routes;

    @Inject
    GuardKeys keys;

    void run(Report report) {
        report.section("1. Routing: each calling form chooses its bundle");
        route(report, "default  @DynamicInject on a field without @Inject", () -> anyMerchant, "drf-hz-1");
        route(report, "ID       @DynamicInject(pattern = \"rt-mart\")", () -> rtMart, "rt-mart");
        route(report, "REG      pattern = \"^drf-hz.*$\", type = REG", () -> hangzhou, "drf-hz-1");
        route(report, "RULE     pattern = {\"merchant\":\"hema\",\"wareHouseId\":2001}",
                () -> hemaWarehouse2001, "hema-fresh");
        route(report, "invoker  DynamicInvoker.getService(\"rt-mart\")", () -> merchants.getService("rt-mart"), "rt-mart");
        route(report, "invoker  DynamicInvoker.getService(\"drf-hz-2\")", () -> merchants.getService("drf-hz-2"), "drf-hz-2");
        route(report, "invoker  getService(Map.of(\"merchant\", \"hema\"))",
                () -> merchants.getService(Map.of("merchant", "hema")), "hema-fresh");
        route(report, "broker   BundleBroker.get(ConfigReadService.class)",
                () -> broker.get(ConfigReadService.class), "drf-hz-1");
        route(report, "broker   invoker(...).getService(\"hema-fresh\")",
                () -> broker.invoker(ConfigReadService.class).getService("hema-fresh"), "hema-fresh");

        // Operators can re-point an SPI without a redeploy: a route key in MicroProfile Config overrides the
        // declared route of every injected proxy of the SPI (per-call invokers keep choosing for themselves).
        String override = "nbf.routes.\"" + ConfigReadService.class.getName() + "\".pattern";
        keys.apply(Map.of(override, "drf-hz-2")).forEach(k -> report.line("config   " + k));
        report.check(routes.overrides().containsKey(ConfigReadService.class.getName()),
                "  RouteManager.overrides() = " + routes.overrides(), "the override listed");
        report.check(routes.explain(ConfigReadService.class).orElse("none").equals("drf-hz-2"),
                String.format("%-58s -> %s", "  RouteManager.explain(ConfigReadService.class), a dry run",
                        routes.explain(ConfigReadService.class).orElse("none")), "drf-hz-2");
        route(report, "  default route, under the override", () -> anyMerchant, "drf-hz-2");
        route(report, "  ID route \"rt-mart\", under the override", () -> rtMart, "drf-hz-2");
        route(report, "  getService(\"rt-mart\"), under the override", () -> merchants.getService("rt-mart"), "rt-mart");
        keys.clear();
        route(report, "default  override removed", () -> anyMerchant, "drf-hz-1");
    }

    private static void route(Report report, String form, Supplier<ConfigReadService> service, String expectedBundle) {
        String observed;
        boolean holds;
        try {
            Answer answer = Answer.parse(service.get().queryConfig(KEY));
            observed = answer.toString();
            holds = answer.bundle().equals(expectedBundle);
        } catch (RuntimeException e) {
            observed = "threw " + e;
            holds = false;
        }
        report.check(holds, String.format("%-58s -> %s", form, observed), expectedBundle + " answers");
    }
}
