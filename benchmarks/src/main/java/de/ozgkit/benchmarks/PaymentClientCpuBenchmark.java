package de.ozgkit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.http.Headers;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import de.ozgkit.core.http.HttpTransport;
import de.ozgkit.payment.PaymentClient;
import de.ozgkit.payment.PaymentItem;
import de.ozgkit.payment.PaymentRequest;
import de.ozgkit.payment.PaymentTransaction;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.payment.PaymentProviderSimulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The client-side CPU work of one create + status round trip, without network and server: the
 * SDK against a transport that hands back two recorded sandbox answers, versus the bare client's
 * own work (JSON template, Jackson parse of both answers). Shows where the SDK's extra CPU goes;
 * {@link PaymentClientBenchmark} is the end-to-end comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PaymentClientCpuBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private byte[] createAnswer;
    private byte[] getAnswer;
    private PaymentClient sdk;

    /** Records one create and one status answer from the sandbox, then builds the SDK on a replaying transport. */
    @Setup(Level.Trial)
    public void record() {
        try (Sandbox sandbox = Sandbox.builder().service(PaymentProviderSimulator.create()).start()) {
            RecordingTransport rec = new RecordingTransport(OzgClientConfig.builder().baseUri(sandbox.baseUri("payment")).build());
            try (PaymentClient c = PaymentClient.builder().config(OzgClientConfig.builder()
                    .baseUri(sandbox.baseUri("payment")).transport(rec).build()).context("o", "e").build()) {
                PaymentTransaction tx = c.create(request());
                createAnswer = rec.last;
                c.get(tx.transactionId());
                getAnswer = rec.last;
            } finally {
                rec.close();
            }
        }
        HttpTransport replay = new HttpTransport() {
            @Override
            public HttpResponse execute(HttpRequest request) {
                byte[] body = request.method().equals("POST") ? createAnswer : getAnswer;
                return new HttpResponse(200, Headers.of(Map.of("Content-Type", List.of("application/json"),
                        "Content-Length", List.of(Integer.toString(body.length)))), body);
            }

            @Override
            public void close() {
            }
        };
        sdk = PaymentClient.builder().config(OzgClientConfig.builder().baseUri("http://127.0.0.1:9/payment")
                .transport(replay).build()).context("o", "e").build();
    }

    /** Closes the client. */
    @TearDown(Level.Trial)
    public void close() {
        sdk.close();
    }

    static PaymentRequest request() {
        return PaymentRequest.builder()
                .purpose("MELDEBESCHEINIGUNG")
                .description("Meldebescheinigung, einfache Ausfertigung")
                .redirectUrl("https://service.example.org/antrag/4711/zurueck")
                .item(PaymentItem.builder().id("fee-1").singleNetAmount(new BigDecimal("12.50"))
                        .taxRate(BigDecimal.ZERO).bookingData("Kassenzeichen", "5.0100.123456.7").build())
                .build();
    }

    /** @return the transaction; SDK work without network */
    @Benchmark
    public PaymentTransaction sdkClientWork() {
        PaymentTransaction created = sdk.create(request());
        return sdk.get(created.transactionId());
    }

    /**
     * @return the status; the bare client's own work without network
     * @throws IOException never
     */
    @Benchmark
    public String bareClientWork() throws IOException {
        String body = "{\"requestId\":\"" + UUID.randomUUID() + "\",\"requestTimestamp\":\""
                + Instant.now().truncatedTo(ChronoUnit.MILLIS) + "\",\"currency\":\"EUR\",\"grosAmount\":12.50,"
                + "\"purpose\":\"MELDEBESCHEINIGUNG\",\"description\":\"Meldebescheinigung, einfache Ausfertigung\","
                + "\"redirectUrl\":\"https://service.example.org/antrag/4711/zurueck\",\"items\":[{\"id\":\"fee-1\","
                + "\"taxRate\":0,\"quantity\":1,\"singleNetAmount\":12.50,\"totalNetAmount\":12.50,\"totalTaxAmount\":0.00,"
                + "\"bookingData\":{\"Kassenzeichen\":\"5.0100.123456.7\"}}]}";
        byte[] sent = body.getBytes(StandardCharsets.UTF_8);
        String id = MAPPER.readTree(createAnswer).path("paymentInformation").path("transactionId").textValue();
        URI uri = URI.create("http://127.0.0.1:9/payment/paymenttransaction/o/e/" + id);
        return MAPPER.readTree(getAnswer).path("paymentInformation").path("status").textValue() + sent.length + uri.getPath();
    }

    /** Passes requests to the default transport and keeps the last answer's body. */
    static final class RecordingTransport implements HttpTransport {
        private final HttpTransport delegate;
        byte[] last;

        RecordingTransport(OzgClientConfig config) {
            this.delegate = HttpTransport.create(config);
        }

        @Override
        public HttpResponse execute(HttpRequest request) throws IOException {
            HttpResponse r = delegate.execute(request);
            last = r.body();
            return r;
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
