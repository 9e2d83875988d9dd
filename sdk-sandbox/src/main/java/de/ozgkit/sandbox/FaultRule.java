package de.ozgkit.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * One fault to inject into the sandbox's answers: which requests it matches (method and path
 * pattern), what it does, and how often.
 *
 * <p>The path pattern is matched against the full request path from the server root (including
 * the service's base path, e.g. {@code /payment/...}): literal segments match themselves,
 * {@code *} or {@code {name}} match one segment, {@code **} as the last segment matches any
 * remainder (also none).
 *
 * <p>Kinds of fault:
 * <ul>
 *   <li>{@link Kind#DELAY}: wait, then handle the request normally;</li>
 *   <li>{@link Kind#STATUS}: answer with a fixed status (problem+json), optionally with
 *       {@code Retry-After}, without calling the handler;</li>
 *   <li>{@link Kind#RESET}: abort the connection without any answer, without calling the handler;</li>
 *   <li>{@link Kind#DROP_ANSWER}: call the handler (its effects happen), then abort the connection
 *       instead of sending the answer, a lost answer as the client sees it.</li>
 * </ul>
 * {@link Builder#times(int)} limits a rule to its first N matching requests: "N failures then
 * success". {@link Builder#probability(double, long)} makes it fire randomly with a seeded
 * generator.
 *
 * <pre>{@code
 * FaultRule twice503 = sandbox.faults().add(
 *         FaultRule.on("POST", "/payment/paymenttransaction/**").times(2).status(503, Duration.ofSeconds(1)));
 * // ... run the client ...
 * assertThat(twice503.firedCount()).isEqualTo(2);
 * }</pre>
 *
 * <p>Thread-safe; the counters are exact under concurrent requests.
 */
public final class FaultRule {

    /** What a rule does to a matching request. */
    public enum Kind {
        /** Delay, then handle normally. */
        DELAY,
        /** Answer with a fixed status without calling the handler. */
        STATUS,
        /** Abort the connection without an answer, without calling the handler. */
        RESET,
        /** Call the handler, then abort the connection instead of answering. */
        DROP_ANSWER
    }

    private static final Pattern METHOD = Pattern.compile("\\*|[A-Z]+");

    private final String method;
    private final String pathPattern;
    private final List<String> segments;
    private final Kind kind;
    private final Duration delay;
    private final int status;
    private final Duration retryAfter;
    private final int limit;
    private final double probability;
    private final Random random;
    private final AtomicInteger fired = new AtomicInteger();

    private FaultRule(Builder b, Kind kind, Duration delay, int status, Duration retryAfter) {
        this.method = b.method;
        this.pathPattern = b.pathPattern;
        this.segments = b.segments;
        this.kind = kind;
        this.delay = delay;
        this.status = status;
        this.retryAfter = retryAfter;
        this.limit = b.limit;
        this.probability = b.probability;
        this.random = b.probability < 1.0 ? new Random(b.seed) : null;
    }

    /**
     * Starts a rule for requests with this method and path pattern.
     *
     * @param method      the HTTP method in upper case, or {@code *} for any
     * @param pathPattern the pattern of the full path from the server root, e.g.
     *                    {@code /payment/paymenttransaction/*}{@code /*}
     * @return a builder; finish it with one of the fault kinds
     * @throws SandboxException if method or pattern are malformed
     */
    public static Builder on(String method, String pathPattern) {
        return new Builder(method, pathPattern);
    }

    /**
     * Starts a rule for requests with any method.
     *
     * @param pathPattern the pattern of the full path from the server root
     * @return a builder; finish it with one of the fault kinds
     */
    public static Builder onAnyMethod(String pathPattern) {
        return new Builder("*", pathPattern);
    }

    /** @return the method this rule matches, {@code *} for any */
    public String method() {
        return method;
    }

    /** @return the path pattern */
    public String pathPattern() {
        return pathPattern;
    }

    /** @return what the rule does */
    public Kind kind() {
        return kind;
    }

    /** @return the delay of a {@link Kind#DELAY} rule, {@link Duration#ZERO} for other kinds */
    public Duration delay() {
        return delay;
    }

    /** @return the status of a {@link Kind#STATUS} rule, 0 for other kinds */
    public int status() {
        return status;
    }

    /** @return the {@code Retry-After} of a {@link Kind#STATUS} rule, empty when none */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** @return how many requests this rule has affected so far */
    public int firedCount() {
        return fired.get();
    }

    /** @return whether the rule has reached its {@link Builder#times(int) limit} and fires no more */
    public boolean exhausted() {
        return limit > 0 && fired.get() >= limit;
    }

    /**
     * Whether method and path match this rule (regardless of limit and probability).
     *
     * @param requestMethod the request's method
     * @param path          the request's decoded path from the server root
     * @return whether the rule applies to such a request
     */
    public boolean matches(String requestMethod, String path) {
        if (!method.equals("*") && !method.equalsIgnoreCase(requestMethod)) {
            return false;
        }
        String p = path.startsWith("/") ? path.substring(1) : path;
        String[] parts = p.isEmpty() ? new String[0] : p.split("/", -1);
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            if (s.equals("**")) {
                return true;
            }
            if (i >= parts.length) {
                return false;
            }
            boolean wildcard = s.equals("*") || (s.startsWith("{") && s.endsWith("}"));
            if (wildcard ? parts[i].isEmpty() : !s.equals(parts[i])) {
                return false;
            }
        }
        return parts.length == segments.size();
    }

    /**
     * Claims one firing for a matching request: checks limit and probability and counts the firing.
     *
     * @return whether the rule fires for this request
     */
    boolean tryFire() {
        if (random != null) {
            boolean hit;
            synchronized (random) {
                hit = random.nextDouble() < probability;
            }
            if (!hit) {
                return false;
            }
        }
        if (limit <= 0) {
            fired.incrementAndGet();
            return true;
        }
        while (true) {
            int n = fired.get();
            if (n >= limit) {
                return false;
            }
            if (fired.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    @Override
    public String toString() {
        String what = switch (kind) {
            case DELAY -> "delay " + delay.toMillis() + " ms";
            case STATUS -> "status " + status + (retryAfter == null ? "" : " retry-after " + retryAfter.toSeconds() + " s");
            case RESET -> "reset";
            case DROP_ANSWER -> "drop answer";
        };
        return "FaultRule[" + method + " " + pathPattern + ": " + what
                + (limit > 0 ? ", first " + limit : "")
                + (probability < 1.0 ? ", p=" + probability : "")
                + ", fired " + fired.get() + "]";
    }

    /** Collects matching conditions; a fault-kind method finishes the rule. Not thread-safe. */
    public static final class Builder {
        private final String method;
        private final String pathPattern;
        private final List<String> segments;
        private int limit;
        private double probability = 1.0;
        private long seed;

        private Builder(String method, String pathPattern) {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(pathPattern, "pathPattern");
            String m = method.toUpperCase(Locale.ROOT);
            if (!METHOD.matcher(m).matches()) {
                throw new SandboxException("method must be an HTTP method such as POST or * for any, was \"" + method + "\"", null);
            }
            if (!pathPattern.startsWith("/")) {
                throw new SandboxException("path pattern must start with '/', was \"" + pathPattern + "\"", null);
            }
            String p = pathPattern.substring(1);
            List<String> parts = new ArrayList<>(p.isEmpty() ? List.of() : List.of(p.split("/", -1)));
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i).equals("**") && i != parts.size() - 1) {
                    throw new SandboxException("** may only be the last segment of a path pattern, was \"" + pathPattern + "\"", null);
                }
            }
            this.method = m;
            this.pathPattern = pathPattern;
            this.segments = List.copyOf(parts);
        }

        /**
         * Limits the rule to the first {@code n} matching requests; later ones pass untouched
         * ("n failures, then success").
         *
         * @param n at least 1
         * @return this builder
         */
        public Builder times(int n) {
            if (n < 1) {
                throw new SandboxException("times must be at least 1, was " + n, null);
            }
            this.limit = n;
            return this;
        }

        /**
         * Lets the rule fire only for a random share of the matching requests, drawn from a
         * generator with this seed (reproducible for sequential requests).
         *
         * @param probability share of requests, greater than 0 and at most 1
         * @param seed        the generator's seed
         * @return this builder
         */
        public Builder probability(double probability, long seed) {
            if (!(probability > 0.0 && probability <= 1.0)) {
                throw new SandboxException("probability must be in (0, 1], was " + probability, null);
            }
            this.probability = probability;
            this.seed = seed;
            return this;
        }

        /**
         * Delays matching requests, then handles them normally.
         *
         * @param delay the delay, positive
         * @return the rule
         */
        public FaultRule delay(Duration delay) {
            if (delay == null || delay.isNegative() || delay.isZero()) {
                throw new SandboxException("delay must be positive, was " + delay, null);
            }
            return new FaultRule(this, Kind.DELAY, delay, 0, null);
        }

        /**
         * Answers matching requests with this status and a problem+json body.
         *
         * @param status 400..599
         * @return the rule
         */
        public FaultRule status(int status) {
            return status(status, null);
        }

        /**
         * Answers matching requests with this status, a problem+json body and a
         * {@code Retry-After} header in whole seconds.
         *
         * @param status     400..599
         * @param retryAfter the value of {@code Retry-After}, {@code null} for none
         * @return the rule
         */
        public FaultRule status(int status, Duration retryAfter) {
            if (status < 400 || status > 599) {
                throw new SandboxException("fault status must be 400..599, was " + status, null);
            }
            if (retryAfter != null && retryAfter.isNegative()) {
                throw new SandboxException("retryAfter must not be negative, was " + retryAfter, null);
            }
            return new FaultRule(this, Kind.STATUS, Duration.ZERO, status, retryAfter);
        }

        /**
         * Aborts the connection of matching requests without an answer and without handling them.
         *
         * @return the rule
         */
        public FaultRule reset() {
            return new FaultRule(this, Kind.RESET, Duration.ZERO, 0, null);
        }

        /**
         * Handles matching requests (their effects happen), then aborts the connection instead of
         * sending the answer.
         *
         * @return the rule
         */
        public FaultRule dropAnswer() {
            return new FaultRule(this, Kind.DROP_ANSWER, Duration.ZERO, 0, null);
        }
    }
}
