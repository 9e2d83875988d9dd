package de.ozgkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ozgkit.core.OzgClientConfig;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
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
 * One XBezahldienste create + status round trip through the ozgkit payment client, against the
 * same two HTTP exchanges made with a bare Apache HttpClient 5, in the same JVM against the same
 * sandbox provider (started in {@link #start()}, on loopback).
 *
 * <p>What the bare variant does is the minimum a hand-written integration must do: build the
 * request JSON (a template with a fresh {@code requestId} and timestamp), POST it, read the answer
 * and take the {@code transactionId} out of it with Jackson, GET the status, read and parse it. The
 * SDK variant additionally checks every field limit of the standard, builds typed objects, maps
 * errors, adds a request id header and runs its retry/authentication pipeline.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PaymentClientBenchmark -t 1} and {@code -t 16}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 12, time = 5)
@Measurement(iterations = 8, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PaymentClientBenchmark {

    private static final String ORIGINATOR = "bench-originator";
    private static final String END_POINT = "09162000";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PaymentProviderSimulator provider;
    private Sandbox sandbox;
    private PaymentClient sdk;
    private CloseableHttpClient bare;
    private URI createUri;
    private String statusPrefix;

    /** Starts the sandbox provider and both clients. */
    @Setup(Level.Trial)
    public void start() {
        provider = PaymentProviderSimulator.builder().paypageTimeout(Duration.ofHours(1)).build();
        sandbox = Sandbox.builder().service(provider).start();
        URI base = sandbox.baseUri(PaymentProviderSimulator.SERVICE_NAME);
        sdk = PaymentClient.builder()
                .config(OzgClientConfig.builder().baseUri(base).maxConnections(64).build())
                .context(ORIGINATOR, END_POINT)
                .build();
        bare = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(64).setMaxConnPerRoute(64)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(10)).setSocketTimeout(Timeout.ofSeconds(30)).build())
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
        createUri = URI.create(base + "/paymenttransaction/" + ORIGINATOR + "/" + END_POINT);
        statusPrefix = createUri + "/";
    }

    /** Keeps the provider's memory flat: every iteration starts with an empty store. */
    @Setup(Level.Iteration)
    public void emptyStore() {
        provider.reset();
    }

    /**
     * Stops clients and sandbox.
     *
     * @throws IOException if the bare client cannot be closed
     */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
        sdk.close();
        bare.close();
        sandbox.close();
    }

    /**
     * Create + get through the ozgkit payment client.
     *
     * @return the final transaction
     */
    @Benchmark
    public PaymentTransaction sdkCreateAndGet() {
        PaymentRequest request = PaymentRequest.builder()
                .purpose("MELDEBESCHEINIGUNG")
                .description("Meldebescheinigung, einfache Ausfertigung")
                .redirectUrl("https://service.example.org/antrag/4711/zurueck")
                .item(PaymentItem.builder().id("fee-1").singleNetAmount(new BigDecimal("12.50"))
                        .taxRate(BigDecimal.ZERO).bookingData("Kassenzeichen", "5.0100.123456.7").build())
                .build();
        PaymentTransaction created = sdk.create(request);
        return sdk.get(created.transactionId());
    }

    /**
     * The same two exchanges with a bare Apache HttpClient 5.
     *
     * @return the status text
     * @throws IOException on failure
     */
    @Benchmark
    public String bareCreateAndGet() throws IOException {
        String body = "{\"requestId\":\"" + UUID.randomUUID() + "\",\"requestTimestamp\":\""
                + Instant.now().truncatedTo(ChronoUnit.MILLIS) + "\",\"currency\":\"EUR\",\"grosAmount\":12.50,"
                + "\"purpose\":\"MELDEBESCHEINIGUNG\",\"description\":\"Meldebescheinigung, einfache Ausfertigung\","
                + "\"redirectUrl\":\"https://service.example.org/antrag/4711/zurueck\",\"items\":[{\"id\":\"fee-1\","
                + "\"taxRate\":0,\"quantity\":1,\"singleNetAmount\":12.50,\"totalNetAmount\":12.50,\"totalTaxAmount\":0.00,"
                + "\"bookingData\":{\"Kassenzeichen\":\"5.0100.123456.7\"}}]}";
        HttpPost post = new HttpPost(createUri);
        post.setHeader("Accept", "application/json");
        post.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON));
        String transactionId = bare.execute(post, response -> {
            byte[] bytes = EntityUtils.toByteArray(response.getEntity());
            if (response.getCode() != 200) {
                throw new IOException("create answered " + response.getCode());
            }
            return MAPPER.readTree(bytes).path("paymentInformation").path("transactionId").textValue();
        });
        HttpGet get = new HttpGet(statusPrefix + transactionId);
        get.setHeader("Accept", "application/json");
        return bare.execute(get, response -> {
            byte[] bytes = EntityUtils.toByteArray(response.getEntity());
            if (response.getCode() != 200) {
                throw new IOException("get answered " + response.getCode());
            }
            JsonNode info = MAPPER.readTree(bytes).path("paymentInformation");
            return info.path("status").textValue();
        });
    }
}
