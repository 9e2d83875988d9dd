package de.ozgkit.sandbox.osci;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.RetryPolicy;
import de.ozgkit.messaging.ContentContainer;
import de.ozgkit.messaging.Delivery;
import de.ozgkit.messaging.FetchSelection;
import de.ozgkit.messaging.MessageId;
import de.ozgkit.messaging.OsciClient;
import de.ozgkit.messaging.OsciDialog;
import de.ozgkit.messaging.OsciIdentity;
import de.ozgkit.messaging.ProcessCard;
import de.ozgkit.messaging.ReceivedDelivery;
import de.ozgkit.messaging.StoreReceipt;
import de.ozgkit.sandbox.FaultRule;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.testkit.IssuedCertificate;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery under faults: 1,000 StoreDeliveries from 8 threads through the sandbox intermediary
 * while the sandbox resets connections, loses answers after storing and answers 503 at random,
 * and while the intermediary is restarted on the same mailbox folder half way through; then every
 * addressee fetches until its mailbox is empty. Nothing acknowledged is lost, nothing is delivered
 * twice, and every process card is signed by the intermediary and consistent.
 */
class OsciSoakTest {

    static final int THREADS = 8;
    static final int MESSAGES = 1000;
    static final Pattern NUMBER = Pattern.compile("<soak n=\"(\\d+)\"");

    @Test
    void thousandStoresUnderFaultsAndARestart_noneLostNoneDuplicated_cardsSignedAndConsistent(@TempDir Path dir)
            throws Exception {
        OsciIdentity keys = OsciParties.identity(OsciParties.party("Soak Intermediary"));
        Path folder = dir.resolve("mailbox");
        // each thread's party sends to every party (itself included) and fetches its own mailbox
        List<IssuedCertificate> parties = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            parties.add(OsciParties.party("Soak Party " + i));
        }
        List<FaultRule> rules = new ArrayList<>();
        OsciIntermediaryService first = new OsciIntermediaryService(folder, keys);
        Sandbox sandbox = faulty(Sandbox.builder().service(first).start(), rules);
        int port = sandbox.port();
        URI base = sandbox.baseUri(OsciIntermediaryService.NAME);
        Map<Integer, StoreReceipt> acknowledged = new ConcurrentHashMap<>();
        Map<Integer, StoreReceipt> beforeRestart;
        Instant start = Instant.now();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> senderTasks = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                IssuedCertificate sender = parties.get(t);
                senderTasks.add(pool.submit(() -> {
                    try (OsciClient c = client(base, first, sender)) {
                        for (int n = next.getAndIncrement(); n < MESSAGES; n = next.getAndIncrement()) {
                            IssuedCertificate to = parties.get(n % THREADS);
                            StoreReceipt r = c.store(Delivery.builder().addressee(to.certificate()).subject("Soak " + n)
                                    .container(ContentContainer.builder().text("<soak n=\"" + n + "\">\u1e9e\r\n</soak>")
                                            .signedBy(OsciParties.identity(sender).signer()).build())
                                    .build());
                            acknowledged.put(n, r);
                        }
                    }
                    return null;
                }));
            }
            // the intermediary stops and starts again on the same folder while the senders go on
            while (acknowledged.size() < MESSAGES / 2) {
                Thread.sleep(20);
            }
            sandbox.close();
            beforeRestart = Map.copyOf(acknowledged);
            sandbox = faulty(Sandbox.builder().port(port).service(new OsciIntermediaryService(folder, keys)).start(), rules);
            for (Future<?> f : senderTasks) {
                f.get();
            }
            sandbox.faults().clear();
            assertThat(acknowledged).hasSize(MESSAGES);
            for (FaultRule rule : rules) {
                assertThat(rule.firedCount()).as(rule.toString()).isPositive();
            }
            assertThat(beforeRestart.size()).isGreaterThanOrEqualTo(MESSAGES / 2);

            // every addressee fetches until nothing is left
            List<Future<Map<Integer, ReceivedCard>>> fetchers = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int index = i;
                fetchers.add(pool.submit(() -> fetchAll(base, first, parties.get(index), index)));
            }
            Map<Integer, ReceivedCard> fetched = new HashMap<>();
            for (Future<Map<Integer, ReceivedCard>> f : fetchers) {
                for (Map.Entry<Integer, ReceivedCard> e : f.get().entrySet()) {
                    assertThat(fetched.put(e.getKey(), e.getValue())).as("delivered twice: " + e.getKey()).isNull();
                }
            }
            assertThat(fetched.keySet()).as("every acknowledged delivery, each once").isEqualTo(acknowledged.keySet());
            assertThat(fetched.keySet()).as("acknowledged before the restart").containsAll(beforeRestart.keySet());
            Instant end = Instant.now();
            for (Map.Entry<Integer, StoreReceipt> e : acknowledged.entrySet()) {
                StoreReceipt receipt = e.getValue();
                ReceivedCard got = fetched.get(e.getKey());
                assertThat(got.id()).isEqualTo(receipt.messageId());
                ProcessCard stored = receipt.processCard();
                stored.verify();
                ProcessCard card = got.card();
                card.verify();
                assertThat(card.messageId()).isEqualTo(receipt.messageId());
                assertThat(card.subjectText()).contains("Soak " + e.getKey());
                Instant created = card.creationTime().orElseThrow();
                assertThat(created).isEqualTo(stored.creationTime().orElseThrow()).isAfterOrEqualTo(start.minusSeconds(1));
                assertThat(card.forwardingTime().orElseThrow()).isAfterOrEqualTo(created).isBeforeOrEqualTo(end.plusSeconds(1));
            }
        } finally {
            pool.shutdownNow();
            sandbox.close();
        }
    }

    /** A delivery as fetched: its message id and its process card. */
    record ReceivedCard(MessageId id, ProcessCard card) {
    }

    /** Random resets, lost answers after the request took effect, and 503, each on one request in twenty. */
    static Sandbox faulty(Sandbox sandbox, List<FaultRule> rules) {
        rules.add(sandbox.faults().add(FaultRule.on("POST", "/osci").probability(0.05, 1).reset()));
        rules.add(sandbox.faults().add(FaultRule.on("POST", "/osci").probability(0.05, 2).dropAnswer()));
        rules.add(sandbox.faults().add(FaultRule.on("POST", "/osci").probability(0.05, 3).status(503)));
        return sandbox;
    }

    static OsciClient client(URI base, OsciIntermediaryService service, IssuedCertificate who) {
        return OsciClient.builder()
                .config(OzgClientConfig.builder().baseUri(base).readTimeout(Duration.ofSeconds(30))
                        .retryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(12).withBackoff(Duration.ofMillis(20), Duration.ofMillis(400)))
                        .build())
                .originator(OsciParties.identity(who))
                .intermediary(service.intermediary().cipherCertificate(), service.intermediary().signatureCertificate())
                .build();
    }

    /** Fetches the next delivery until there is none, in one dialog; checks each content signature. */
    static Map<Integer, ReceivedCard> fetchAll(URI base, OsciIntermediaryService service, IssuedCertificate who, int index) {
        Map<Integer, ReceivedCard> out = new HashMap<>();
        try (OsciClient c = client(base, service, who); OsciDialog d = c.openDialog()) {
            while (true) {
                Optional<ReceivedDelivery> got = d.fetch(FetchSelection.next());
                if (got.isEmpty()) {
                    return out;
                }
                try (ReceivedDelivery r = got.get()) {
                    assertThat(r.containers()).singleElement().satisfies(k -> assertThat(k.signatures()).hasSize(1));
                    String text = r.containers().get(0).contents().get(0).text();
                    assertThat(text).endsWith("\u1e9e\r\n</soak>");
                    Matcher m = NUMBER.matcher(text);
                    assertThat(m.find()).as(text).isTrue();
                    int n = Integer.parseInt(m.group(1));
                    assertThat(n % THREADS).as("delivered to its addressee").isEqualTo(index);
                    assertThat(out.put(n, new ReceivedCard(r.messageId(), r.processCard().orElseThrow())))
                            .as("delivered twice: " + n).isNull();
                }
            }
        }
    }
}
