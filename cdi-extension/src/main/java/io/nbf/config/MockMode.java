package io.nbf.config;

/** Dubbo-style mock routing: {@code force:<bundle>} sends every call there, {@code fail:<bundle>} only the failed ones. */
public enum MockMode {
    FORCE, FAIL
}
