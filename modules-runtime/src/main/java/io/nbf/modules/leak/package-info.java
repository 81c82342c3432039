/**
 * Finding and clearing what keeps an uninstalled bundle's class loader alive, and watching that it is
 * really collected.
 */
package io.nbf.modules.leak;
