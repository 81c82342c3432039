package io.nbf.modules.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The live implementations of one SPI, ordered by bundle id, with an index by id and by attribute
 * value. Immutable: a registry change builds a new one. A lookup by id or by attributes costs the
 * same with ten bundles or ten thousand.
 */
public final class SpiServices {

    static final SpiServices EMPTY = new SpiServices(new ServiceEntry[0]);

    private static final ServiceEntry[] NONE = new ServiceEntry[0];
    private static final Comparator<ServiceEntry> BY_ID = Comparator.comparing(ServiceEntry::bundleId);

    private final ServiceEntry[] entries;
    private final Map<String, ServiceEntry> byId;
    private final Map<String, Map<String, ServiceEntry[]>> byAttribute;

    private SpiServices(ServiceEntry[] sortedEntries) {
        this.entries = sortedEntries;
        this.byId = new HashMap<>(sortedEntries.length * 2);
        Map<String, Map<String, List<ServiceEntry>>> index = new HashMap<>();
        for (ServiceEntry e : sortedEntries) {
            byId.put(e.bundleId(), e);
            for (Map.Entry<String, String> a : e.bundle().attributes().entrySet()) {
                Map<String, List<ServiceEntry>> values = index.computeIfAbsent(a.getKey(), k -> new HashMap<>());
                for (String token : AttributeMatch.tokens(a.getValue())) {
                    values.computeIfAbsent(token, t -> new ArrayList<>()).add(e);
                }
            }
        }
        this.byAttribute = new HashMap<>(index.size() * 2);
        index.forEach((key, values) -> {
            Map<String, ServiceEntry[]> postings = new HashMap<>(values.size() * 2);
            values.forEach((token, list) -> postings.put(token, list.toArray(NONE)));
            byAttribute.put(key, postings);
        });
    }

    /** A copy with every entry of {@code bundleId} replaced by {@code replacements} (which may be empty). */
    SpiServices replacing(String bundleId, Collection<ServiceEntry> replacements) {
        List<ServiceEntry> next = new ArrayList<>(entries.length + replacements.size());
        for (ServiceEntry e : entries) {
            if (!e.bundleId().equals(bundleId)) {
                next.add(e);
            }
        }
        next.addAll(replacements);
        if (next.isEmpty()) {
            return EMPTY;
        }
        ServiceEntry[] sorted = next.toArray(NONE);
        Arrays.sort(sorted, BY_ID);
        return new SpiServices(sorted);
    }

    /** @return every entry, ordered by bundle id, unmodifiable */
    public List<ServiceEntry> all() {
        return Collections.unmodifiableList(Arrays.asList(entries));
    }

    /** @return the number of entries */
    public int size() {
        return entries.length;
    }

    /** @return whether no bundle implements the SPI */
    public boolean isEmpty() {
        return entries.length == 0;
    }

    /** @return the entry with the lowest bundle id, or {@code null} if there is none */
    public ServiceEntry first() {
        return entries.length == 0 ? null : entries[0];
    }

    /** @return the entry of that bundle, or {@code null} */
    public ServiceEntry byBundleId(String bundleId) {
        return byId.get(bundleId);
    }

    /** @return the first entry, by bundle id, whose id the predicate accepts, or {@code null}; scans */
    public ServiceEntry firstWhoseId(Predicate<String> idPredicate) {
        for (ServiceEntry e : entries) {
            if (idPredicate.test(e.bundleId())) {
                return e;
            }
        }
        return null;
    }

    /**
     * The entry with the lowest bundle id among those matching every condition. Uses the attribute
     * index: walks the shortest posting list and checks the rest by lookup.
     *
     * @param conditions the conditions, all of which must hold; empty matches everything
     * @return the entry, or {@code null}
     */
    public ServiceEntry firstMatching(List<AttributeMatch> conditions) {
        List<ServiceEntry> all = matching(conditions, true);
        return all.isEmpty() ? null : all.get(0);
    }

    /** @return every entry matching every condition, ordered by bundle id */
    public List<ServiceEntry> allMatching(List<AttributeMatch> conditions) {
        return matching(conditions, false);
    }

    private List<ServiceEntry> matching(List<AttributeMatch> conditions, boolean firstOnly) {
        if (conditions.isEmpty()) {
            return firstOnly ? (entries.length == 0 ? List.of() : List.of(entries[0])) : all();
        }
        ServiceEntry[][] postings = new ServiceEntry[conditions.size()][];
        int shortest = 0;
        for (int i = 0; i < postings.length; i++) {
            AttributeMatch c = conditions.get(i);
            Map<String, ServiceEntry[]> values = byAttribute.get(c.key());
            ServiceEntry[] p = values == null ? null : values.get(c.token());
            if (p == null) {
                return List.of();
            }
            postings[i] = p;
            if (p.length < postings[shortest].length) {
                shortest = i;
            }
        }
        List<ServiceEntry> result = new ArrayList<>(firstOnly ? 1 : postings[shortest].length);
        for (ServiceEntry candidate : postings[shortest]) { // in bundle id order
            if (matchesOthers(candidate, conditions, postings, shortest)) {
                result.add(candidate);
                if (firstOnly) {
                    break;
                }
            }
        }
        return result;
    }

    private boolean matchesOthers(ServiceEntry candidate, List<AttributeMatch> conditions, ServiceEntry[][] postings, int skip) {
        for (int i = 0; i < postings.length; i++) {
            if (i == skip) {
                continue;
            }
            String value = candidate.bundle().attributes().get(conditions.get(i).key());
            if (value == null || !Arrays.asList(AttributeMatch.tokens(value)).contains(conditions.get(i).token())) {
                return false;
            }
        }
        return true;
    }
}
