package de.ozgkit.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fault rules of one sandbox. Tests add rules, run their client, and read each rule's
 * {@link FaultRule#firedCount()}.
 *
 * <p>For each request the rules are tried in the order they were added: every firing
 * {@link FaultRule.Kind#DELAY DELAY} rule adds its delay and evaluation goes on; the first other
 * rule that fires decides the outcome and ends evaluation. A rule that does not fire (not matching,
 * exhausted, or not drawn) is not counted.
 *
 * <pre>{@code
 * FaultRule reset = sandbox.faults().add(FaultRule.on("GET", "/health").times(1).reset());
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class FaultInjector {

    private final List<FaultRule> rules = new CopyOnWriteArrayList<>();

    /** Creates an injector without rules. */
    public FaultInjector() {
    }

    /**
     * Adds a rule after the existing ones.
     *
     * @param rule the rule
     * @return the same rule, to read its counter later
     */
    public FaultRule add(FaultRule rule) {
        rules.add(Objects.requireNonNull(rule, "rule"));
        return rule;
    }

    /**
     * Removes a rule.
     *
     * @param rule the rule
     * @return whether it was present
     */
    public boolean remove(FaultRule rule) {
        return rules.remove(rule);
    }

    /** Removes all rules. */
    public void clear() {
        rules.clear();
    }

    /** @return the rules in evaluation order (a snapshot) */
    public List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    /** @return how often all current rules have fired together */
    public int firedCount() {
        int sum = 0;
        for (FaultRule r : rules) {
            sum += r.firedCount();
        }
        return sum;
    }

    /**
     * Decides which rules fire for one request and counts them. The sandbox's HTTP server calls
     * this for every request; simulators that run their own servers (e.g. SMTP) may call it too.
     *
     * @param method the request method
     * @param path   the decoded request path from the server root
     * @return the firing rules: zero or more {@code DELAY} rules, then at most one rule of another
     *         kind, which is then the last element
     */
    public List<FaultRule> select(String method, String path) {
        List<FaultRule> firing = new ArrayList<>(2);
        for (FaultRule rule : rules) {
            if (rule.matches(method, path) && rule.tryFire()) {
                firing.add(rule);
                if (rule.kind() != FaultRule.Kind.DELAY) {
                    break;
                }
            }
        }
        return firing;
    }
}
