package de.ozgkit.einvoice.internal.validation;

import de.ozgkit.einvoice.Finding;
import de.ozgkit.einvoice.Severity;
import de.ozgkit.einvoice.ValidationLayer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Collects findings for one document, at most {@link #MAX_PER_LAYER} per layer, so that a large
 * document breaking a rule on every line cannot make the report grow without bound. Not thread-safe:
 * one per validation.
 */
final class Findings {
    /** Most findings kept per layer; the rest is counted and summarised in one note. */
    static final int MAX_PER_LAYER = 1_000;
    static final String RULE_TRUNCATED = de.ozgkit.einvoice.EInvoiceValidator.RULE_FINDINGS_TRUNCATED;

    private final List<Finding> list = new ArrayList<>();
    private final Map<ValidationLayer, int[]> counts = new EnumMap<>(ValidationLayer.class);

    void add(Finding f) {
        int[] n = counts.computeIfAbsent(f.layer(), k -> new int[1]);
        if (n[0]++ < MAX_PER_LAYER) {
            list.add(f);
        }
    }

    /** @return the findings kept, plus one note per layer that had more than the maximum */
    List<Finding> toList() {
        List<Finding> out = new ArrayList<>(list);
        counts.forEach((layer, n) -> {
            if (n[0] > MAX_PER_LAYER) {
                out.add(new Finding(RULE_TRUNCATED, Severity.INFO, "/",
                        (n[0] - MAX_PER_LAYER) + " further findings of this layer are not listed; fix the ones"
                                + " above and validate again", layer));
            }
        });
        return out;
    }
}
