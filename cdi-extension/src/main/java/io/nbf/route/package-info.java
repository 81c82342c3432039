/**
 * What a route means: {@link io.nbf.route.Route} (default, ID, REG over bundle ids, RULE over bundle
 * attributes, parsed by {@link io.nbf.route.RuleParser}), and {@link io.nbf.route.RouteBinding}, a route
 * resolved against the live registry and cached per registry snapshot, which the dispatch seam sees as a
 * {@link io.nbf.dispatch.RouteTarget}. Free of CDI.
 */
package io.nbf.route;
