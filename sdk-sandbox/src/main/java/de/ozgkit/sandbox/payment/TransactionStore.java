package de.ozgkit.sandbox.payment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated provider's transactions, in memory and thread-safe. A {@code requestId} is unique
 * per originator: creating twice with the same one yields the first transaction. Unpaid
 * transactions turn FAILED once the paypage timeout has passed (checked whenever a transaction is
 * read, so no background thread is needed).
 */
final class TransactionStore {

    /** Status values of XBezahldienste 1.0.0 (spelled as in the standard). */
    enum Status { INITIAL, PAYED, CANCELED, FAILED }

    /** One transaction; its mutable part is guarded by the transaction itself. */
    static final class Transaction {
        final String id;
        final String originatorId;
        final String endPointId;
        final RequestChecks.Checked request;
        final Instant created;
        final String reference;
        private Status status = Status.INITIAL;
        private String statusDetail;
        private String paymentMethod;
        private Instant changed;

        Transaction(String id, String originatorId, String endPointId, RequestChecks.Checked request, Instant created,
                    String reference) {
            this.id = id;
            this.originatorId = originatorId;
            this.endPointId = endPointId;
            this.request = request;
            this.created = created;
            this.reference = reference;
            this.changed = created;
        }

        /** A consistent view of the mutable state. */
        record State(Status status, String statusDetail, String paymentMethod, Instant changed) {
        }

        synchronized State state() {
            return new State(status, statusDetail, paymentMethod, changed);
        }

        /** Moves INITIAL to a final status; returns false when the transaction was already final. */
        synchronized boolean finish(Status to, String detail, String method, Instant at) {
            if (status != Status.INITIAL) {
                return false;
            }
            status = to;
            statusDetail = detail;
            paymentMethod = method;
            changed = at;
            return true;
        }

        ObjectNode echo() {
            return request.echo();
        }
    }

    /** The outcome of a create: the transaction and whether it was made now or existed before. */
    record Created(Transaction transaction, boolean existed) {
    }

    private final Map<String, Transaction> byId = new ConcurrentHashMap<>();
    private final Map<String, Transaction> byRequest = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration paypageTimeout;
    private final SecureRandom random = new SecureRandom();

    TransactionStore(Clock clock, Duration paypageTimeout) {
        this.clock = clock;
        this.paypageTimeout = paypageTimeout;
    }

    /**
     * Creates a transaction unless one with the same originator and requestId exists; atomic.
     */
    Created create(String originatorId, String endPointId, RequestChecks.Checked request) {
        String key = originatorId + '\u0000' + request.requestId();
        boolean[] made = new boolean[1];
        Transaction tx = byRequest.computeIfAbsent(key, k -> {
            made[0] = true;
            String id = newId();
            String reference = request.kassenzeichen() != null ? request.kassenzeichen() : "KZ-" + id.substring(2, 14);
            Transaction t = new Transaction(id, originatorId, endPointId, request, clock.instant(), reference);
            byId.put(id, t);
            return t;
        });
        return new Created(tx, !made[0]);
    }

    /** Finds a transaction, applying the paypage timeout first. */
    Optional<Transaction> find(String id) {
        Transaction t = byId.get(id);
        if (t != null) {
            expireIfDue(t);
        }
        return Optional.ofNullable(t);
    }

    void expireIfDue(Transaction t) {
        Instant now = clock.instant();
        if (!now.isBefore(t.created.plus(paypageTimeout))) {
            t.finish(Status.FAILED, "paypage timeout, the citizen did not pay in time", null, now);
        }
    }

    Instant now() {
        return clock.instant();
    }

    int count() {
        return byId.size();
    }

    void clear() {
        byRequest.clear();
        byId.clear();
    }

    private String newId() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return "TX" + HexFormat.of().formatHex(b);
    }
}
