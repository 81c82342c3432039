package io.nbf.modules.registry;

import static io.nbf.modules.messages.RuntimeMessages.MSG;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The live implementations of one SPI, ordered by bundle id, with an index by attribute value.
 * Immutable: a registry change makes a new one.
 *
 * <p>Everything is kept in arrays sorted by bundle id (or by token): a lookup by id or by attributes is
 * a binary search, so it costs about the same with ten bundles or ten thousand, and a change copies
 * arrays (one {@code System.arraycopy} per array it touches) instead of rebuilding hash tables, so
 * installs and switches stay cheap as bundles pile up. Index arrays a change does not touch are shared
 * with the previous version.
 */
public final class SpiServices {

    static final SpiServices EMPTY = new SpiServices(new ServiceEntry[0], Map.of());

    private static final ServiceEntry[] NONE = new ServiceEntry[0];

    private final ServiceEntry[] entries;
    private final Map<String, TokenIndex> byAttribute;

    private SpiServices(ServiceEntry[] sortedEntries, Map<String, TokenIndex> byAttribute) {
        this.entries = sortedEntries;
        this.byAttribute = byAttribute;
    }

    /** A copy with the entry of {@code bundleId} replaced by {@code replacements} (at most one; empty removes it). */
    SpiServices replacing(String bundleId, Collection<ServiceEntry> replacements) {
        if (replacements.size() > 1) {
            throw MSG.severalImplementationsOfOneSpi(bundleId, replacements.size());
        }
        ServiceEntry added = replacements.isEmpty() ? null : replacements.iterator().next();
        int at = indexOf(entries, bundleId);
        ServiceEntry removed = at >= 0 ? entries[at] : null;
        if (removed == null && added == null) {
            return this;
        }
        ServiceEntry[] next;
        if (removed != null && added != null) {
            next = entries.clone();
            next[at] = added;
        } else if (removed != null) {
            next = remove(entries, at);
        } else {
            next = insert(entries, -at - 1, added);
        }
        if (next.length == 0) {
            return EMPTY;
        }
        Map<String, TokenIndex> attributes = new HashMap<>(byAttribute);
        if (removed != null) {
            removed.attributeTokens().forEach((key, tokens) -> {
                TokenIndex index = attributes.get(key);
                for (String token : tokens) {
                    index = index.without(token, removed);
                }
                if (index.isEmpty()) {
                    attributes.remove(key);
                } else {
                    attributes.put(key, index);
                }
            });
        }
        if (added != null) {
            added.attributeTokens().forEach((key, tokens) -> {
                TokenIndex index = attributes.getOrDefault(key, TokenIndex.EMPTY);
                for (String token : tokens) {
                    index = index.with(token, added);
                }
                attributes.put(key, index);
            });
        }
        return new SpiServices(next, attributes);
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

    /** @return the entry of that bundle, or {@code null}; a binary search */
    public ServiceEntry byBundleId(String bundleId) {
        int at = indexOf(entries, bundleId);
        return at >= 0 ? entries[at] : null;
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
     * index: walks the shortest posting list and checks the other conditions on each candidate.
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
        ServiceEntry[] shortest = null;
        int skip = -1;
        for (int i = 0; i < conditions.size(); i++) {
            AttributeMatch c = conditions.get(i);
            TokenIndex index = byAttribute.get(c.key());
            ServiceEntry[] postings = index == null ? null : index.postings(c.token());
            if (postings == null) {
                return List.of();
            }
            if (shortest == null || postings.length < shortest.length) {
                shortest = postings;
                skip = i;
            }
        }
        List<ServiceEntry> result = new ArrayList<>(firstOnly ? 1 : shortest.length);
        for (ServiceEntry candidate : shortest) { // in bundle id order
            if (matchesAll(candidate, conditions, skip)) {
                result.add(candidate);
                if (firstOnly) {
                    break;
                }
            }
        }
        return result;
    }

    private static boolean matchesAll(ServiceEntry candidate, List<AttributeMatch> conditions, int skip) {
        for (int i = 0; i < conditions.size(); i++) {
            if (i != skip && !candidate.hasToken(conditions.get(i).key(), conditions.get(i).token())) {
                return false;
            }
        }
        return true;
    }

    /** @return the index of the entry of {@code bundleId}, or {@code -(insertion point) - 1} */
    private static int indexOf(ServiceEntry[] sorted, String bundleId) {
        int lo = 0;
        int hi = sorted.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = sorted[mid].bundleId().compareTo(bundleId);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    private static ServiceEntry[] insert(ServiceEntry[] a, int at, ServiceEntry e) {
        ServiceEntry[] b = new ServiceEntry[a.length + 1];
        System.arraycopy(a, 0, b, 0, at);
        b[at] = e;
        System.arraycopy(a, at, b, at + 1, a.length - at);
        return b;
    }

    private static ServiceEntry[] remove(ServiceEntry[] a, int at) {
        if (a.length == 1) {
            return NONE;
        }
        ServiceEntry[] b = new ServiceEntry[a.length - 1];
        System.arraycopy(a, 0, b, 0, at);
        System.arraycopy(a, at + 1, b, at, a.length - at - 1);
        return b;
    }

    /** The index of one attribute: its tokens, sorted, each with the entries that have it, sorted by bundle id. */
    private static final class TokenIndex {
        static final TokenIndex EMPTY = new TokenIndex(new String[0], new ServiceEntry[0][]);

        final String[] tokens;
        final ServiceEntry[][] postings;

        TokenIndex(String[] tokens, ServiceEntry[][] postings) {
            this.tokens = tokens;
            this.postings = postings;
        }

        boolean isEmpty() {
            return tokens.length == 0;
        }

        ServiceEntry[] postings(String token) {
            int at = Arrays.binarySearch(tokens, token);
            return at >= 0 ? postings[at] : null;
        }

        TokenIndex with(String token, ServiceEntry e) {
            int at = Arrays.binarySearch(tokens, token);
            if (at >= 0) {
                ServiceEntry[][] p = postings.clone();
                int where = indexOf(p[at], e.bundleId());
                p[at] = where >= 0 ? replaceAt(p[at], where, e) : insert(p[at], -where - 1, e);
                return new TokenIndex(tokens, p);
            }
            int ins = -at - 1;
            String[] t = new String[tokens.length + 1];
            System.arraycopy(tokens, 0, t, 0, ins);
            t[ins] = token;
            System.arraycopy(tokens, ins, t, ins + 1, tokens.length - ins);
            ServiceEntry[][] p = new ServiceEntry[postings.length + 1][];
            System.arraycopy(postings, 0, p, 0, ins);
            p[ins] = new ServiceEntry[] {e};
            System.arraycopy(postings, ins, p, ins + 1, postings.length - ins);
            return new TokenIndex(t, p);
        }

        TokenIndex without(String token, ServiceEntry e) {
            int at = Arrays.binarySearch(tokens, token);
            if (at < 0) {
                return this;
            }
            int where = indexOf(postings[at], e.bundleId());
            if (where < 0) {
                return this;
            }
            if (postings[at].length > 1) {
                ServiceEntry[][] p = postings.clone();
                p[at] = remove(p[at], where);
                return new TokenIndex(tokens, p);
            }
            String[] t = new String[tokens.length - 1];
            System.arraycopy(tokens, 0, t, 0, at);
            System.arraycopy(tokens, at + 1, t, at, tokens.length - at - 1);
            ServiceEntry[][] p = new ServiceEntry[postings.length - 1][];
            System.arraycopy(postings, 0, p, 0, at);
            System.arraycopy(postings, at + 1, p, at, postings.length - at - 1);
            return new TokenIndex(t, p);
        }

        private static ServiceEntry[] replaceAt(ServiceEntry[] a, int at, ServiceEntry e) {
            ServiceEntry[] b = a.clone();
            b[at] = e;
            return b;
        }
    }
}
