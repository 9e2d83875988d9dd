package de.ozgkit.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import de.ozgkit.sandbox.fitconnect.TestDestination;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sender -> simulated submission service -> subscriber, with real keys, real HTTP and real JWEs. */
class RoundTripTest {

    /** Text no encoding step may change: controls, CR/LF, tab, surrogate pairs, U+1E9E, umlauts, quotes. */
    static final String HOSTILE = "Antrag\u0000\u0001\u001f\r\n\tZeile \"zwei\" \\ \u1E9E\u00df\u00e4\u00f6\u00fc "
            + "\uD83D\uDE00\uD834\uDD1E <x>&amp; ' \u2028\u2029 end";

    static final List<Callback> RECEIVED = new CopyOnWriteArrayList<>();
    static HttpServer callbackServer;
    static Fixture fixture;

    @BeforeAll
    static void start() throws Exception {
        callbackServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        callbackServer.createContext("/callbacks", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String secret = exchange.getRequestURI().getPath().endsWith("/sender") ? "sender-secret" : "destination-secret";
                RECEIVED.add(CallbackVerifier.create(secret).verify(
                        exchange.getRequestHeaders().getFirst("callback-authentication"),
                        exchange.getRequestHeaders().getFirst("callback-timestamp"), body));
                exchange.sendResponseHeaders(200, -1);
            } catch (FitConnectVerificationException e) {
                exchange.sendResponseHeaders(401, -1);
            }
        });
        callbackServer.start();
        URI url = URI.create("http://127.0.0.1:" + callbackServer.getAddress().getPort() + "/callbacks/destination");
        fixture = new Fixture(d -> d.callback(url, "destination-secret"), s -> { });
    }

    @AfterAll
    static void stop() {
        fixture.close();
        callbackServer.stop(0);
    }

    static byte[] json(String text) {
        return ("{\"antragsteller\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r")
                .replace("\n", "\\n").replace("\t", "\\t").replace("\u0000", "\\u0000").replace("\u0001", "\\u0001")
                .replace("\u001f", "\\u001f") + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    static OutgoingSubmission.Builder submission(byte[] data) {
        return OutgoingSubmission.builder()
                .destinationId(fixture.destination.destinationId())
                .serviceType(new ServiceType("Testleistung", TestDestination.DEFAULT_SERVICE))
                .data(data, new SubmissionSchema(URI.create(TestDestination.DEFAULT_SCHEMA), "application/json"));
    }

    @Test
    void send_receive_accept_withHostileContentAndAttachments_statusAccepted(@TempDir Path dir) throws Exception {
        byte[] binary = new byte[300_000];
        new Random(7).nextBytes(binary);
        Path big = Files.write(dir.resolve("scan.bin"), binary);
        UUID postkorb = UUID.randomUUID();
        OutgoingSubmission out = submission(json(HOSTILE))
                .attachment(OutgoingAttachment.ofFile(big, "application/octet-stream").withFilename("scan\r\n\u1E9E.bin")
                        .withDescription(HOSTILE))
                .attachment(OutgoingAttachment.ofBytes(new byte[0], "text/plain").withPurpose(AttachmentPurpose.REPORT))
                .attachment(OutgoingAttachment.ofBytes(HOSTILE.getBytes(StandardCharsets.UTF_8), "text/plain")
                        .withPurpose(AttachmentPurpose.FORM))
                .replyChannel(new ReplyChannel.IdBundDeMailbox(postkorb))
                .author(new Author("Portal \u1E9E", null, "https://portal.example.org",
                        new Author.Product("ozgkit", null, "0.1", "ozgkit")))
                .additionalReferenceInfo(new AdditionalReferenceInfo(HOSTILE, LocalDate.of(2024, 2, 29), UUID.randomUUID(), false))
                .paymentInformation(PaymentInformation.ofXBezahldienste("TX-4711", URI.create("https://pay.example.org/tx/4711"),
                        "KZ-5.0100.123456.7", OffsetDateTime.parse("2024-03-01T10:15:30+01:00"), "PAYPAL", "PAYED",
                        new BigDecimal("12.50")))
                .callback(URI.create("http://127.0.0.1:" + callbackServer.getAddress().getPort() + "/callbacks/sender"),
                        "sender-secret")
                .build();
        try (FitConnectSender sender = fixture.sender(); FitConnectSubscriber subscriber = fixture.subscriber(dir.resolve("work"))) {
            SentSubmission sent = sender.send(out);
            assertThat(sender.status(sent).state()).isEqualTo(SubmissionState.SUBMITTED);
            assertThat(subscriber.pendingSubmissions(0, 500).submissions()).extracting(SubmissionRef::submissionId)
                    .contains(sent.submissionId());
            try (ReceivedSubmission received = subscriber.receive(sent.submissionId())) {
                assertThat(received.dataBytes()).hasValue(json(HOSTILE));
                Metadata m = received.metadata();
                assertThat(m.version()).isEqualTo(MetadataVersion.V2);
                assertThat(m.replyChannel()).isEqualTo(new ReplyChannel.IdBundDeMailbox(postkorb));
                assertThat(m.additionalReferenceInfo().senderReference()).isEqualTo(HOSTILE);
                assertThat(m.paymentInformation().status()).isEqualTo(PaymentStatus.BOOKED);
                assertThat(m.paymentInformation().grossAmount()).isEqualByComparingTo("12.50");
                assertThat(m.author().name()).isEqualTo("Portal \u1E9E");
                assertThat(received.attachments()).hasSize(3);
                ReceivedAttachment scan = received.attachment(out.attachments().get(0).attachmentId()).orElseThrow();
                assertThat(scan.readAllBytes()).isEqualTo(binary);
                assertThat(scan.description().filename()).isEqualTo("scan\r\n\u1E9E.bin");
                assertThat(scan.description().description()).isEqualTo(HOSTILE);
                assertThat(received.attachment(out.attachments().get(1).attachmentId()).orElseThrow().size()).isZero();
                assertThat(received.attachment(out.attachments().get(2).attachmentId()).orElseThrow().readAllBytes())
                        .isEqualTo(HOSTILE.getBytes(StandardCharsets.UTF_8));
                assertThat(received.authenticationTags()).isEqualTo(sent.authenticationTags());
                Path kept = scan.saveTo(dir.resolve("kept.bin"));
                subscriber.accept(received);
                assertThat(Files.readAllBytes(kept)).isEqualTo(binary);
            }
            assertThat(Files.list(dir.resolve("work")).count()).as("temporary files removed on close").isZero();
            SubmissionStatus status = sender.awaitFinalStatus(sent, Duration.ofSeconds(5));
            assertThat(status.state()).isEqualTo(SubmissionState.ACCEPTED);
            assertThat(status.events()).extracting(e -> e.event().orElseThrow()).containsExactly(
                    Event.CREATE_SUBMISSION, Event.SUBMIT_SUBMISSION, Event.ACCEPT_SUBMISSION);
            EventLogEntry acceptance = status.events().get(2);
            assertThat(sender.verifyEvent(acceptance.token(), sent).issuer())
                    .isEqualTo(fixture.destination.destinationId().toString());
            awaitCallbacks(sent.submissionId(), 2);
            assertThat(RECEIVED).filteredOn(c -> c.submissions().stream().anyMatch(r -> r.submissionId().equals(sent.submissionId())))
                    .extracting(Callback::type).containsExactlyInAnyOrder(Callback.NEW_SUBMISSIONS, Callback.NEW_EVENTS);
        }
    }

    static void awaitCallbacks(UUID submissionId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (RECEIVED.stream().filter(c -> c.submissions().stream().anyMatch(r -> r.submissionId().equals(submissionId)))
                .count() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void reject_withProblems_reachesTheSender(@TempDir Path dir) {
        try (FitConnectSender sender = fixture.sender(); FitConnectSubscriber subscriber = fixture.subscriber(dir)) {
            SentSubmission sent = sender.send(submission(json("x")).build());
            subscriber.reject(sent.submissionId(), List.of(Problem.technicalError("Fachverfahren nicht erreichbar")));
            SubmissionStatus status = sender.status(sent);
            assertThat(status.state()).isEqualTo(SubmissionState.REJECTED);
            assertThat(status.problems()).extracting(Problem::type)
                    .containsExactly(Problem.TYPE_PREFIX + "technical-error");
            assertThatThrownBy(() -> subscriber.reject(sent.submissionId(), List.of(Problem.invalidEventLog())))
                    .isInstanceOf(de.ozgkit.core.ConflictException.class);
        }
    }

    @Test
    void metadata1x_withFinkMailboxAndNoData_roundTrips(@TempDir Path dir) {
        try (FitConnectSender sender = fixture.sender(); FitConnectSubscriber subscriber = fixture.subscriber(dir)) {
            SentSubmission sent = sender.send(OutgoingSubmission.builder()
                    .destinationId(fixture.destination.destinationId())
                    .serviceType(new ServiceType("Testleistung", TestDestination.DEFAULT_SERVICE))
                    .attachment(OutgoingAttachment.ofBytes("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "application/pdf"))
                    .replyChannel(new ReplyChannel.Fink("hh/by/12345", URI.create("https://servicekonto.example.org/")))
                    .metadataVersion(MetadataVersion.V1)
                    .build());
            try (ReceivedSubmission r = subscriber.receive(sent.submissionId())) {
                assertThat(r.metadata().version()).isEqualTo(MetadataVersion.V1);
                assertThat(r.metadata().publicServiceType().identifier()).isEqualTo(TestDestination.DEFAULT_SERVICE);
                assertThat(r.metadata().replyChannel()).isInstanceOf(ReplyChannel.Fink.class);
                assertThat(r.dataBytes()).isEmpty();
                subscriber.accept(r);
            }
            assertThat(sender.status(sent).state()).isEqualTo(SubmissionState.ACCEPTED);
        }
    }

    @Test
    void tokens_areCachedAcrossCalls() {
        int before = fixture.simulator.tokensIssued();
        try (FitConnectSender sender = fixture.sender()) {
            for (int i = 0; i < 5; i++) {
                sender.destination(fixture.destination.destinationId());
            }
        }
        assertThat(fixture.simulator.tokensIssued() - before).isEqualTo(1);
    }

    @Test
    void tokens_underConcurrency_areFetchedOnce() throws Exception {
        int before = fixture.simulator.tokensIssued();
        try (FitConnectSender sender = fixture.sender()) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                List<java.util.concurrent.Future<Destination>> calls = new java.util.ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    calls.add(pool.submit(() -> sender.destination(fixture.destination.destinationId())));
                }
                for (java.util.concurrent.Future<Destination> f : calls) {
                    assertThat(f.get().isActive()).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(fixture.simulator.tokensIssued() - before).isEqualTo(1);
    }

    @Test
    void deadlines_rejectUnfetchedAfterTheirTime_shortenedByConfiguration() {
        try (Fixture own = new Fixture(d -> { }, s -> s.pickupTimeout(Duration.ofHours(2)));
             FitConnectSender sender = own.sender()) {
            SentSubmission sent = sender.send(OutgoingSubmission.builder().destinationId(own.destination.destinationId())
                    .serviceType(new ServiceType("Testleistung", TestDestination.DEFAULT_SERVICE))
                    .data(json("frist"), new SubmissionSchema(URI.create(TestDestination.DEFAULT_SCHEMA), "application/json"))
                    .build());
            own.clock.advance(Duration.ofMinutes(119));
            assertThat(sender.status(sent).state()).isEqualTo(SubmissionState.SUBMITTED);
            own.clock.advance(Duration.ofMinutes(2));
            SubmissionStatus status = sender.status(sent);
            assertThat(status.state()).isEqualTo(SubmissionState.REJECTED);
            assertThat(status.problems()).extracting(Problem::type)
                    .containsExactly("https://schema.fitko.de/fit-connect/events/problems/timeout");
            assertThat(status.events().get(status.events().size() - 1).issuer())
                    .isEqualTo(own.simulator.submissionApi().toString());
        }
    }
}
