package de.ozgkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.id.LeikaKey;
import de.ozgkit.directory.DirectoryClient;
import de.ozgkit.directory.Routing;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.directory.DirectorySimulator;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
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
 * One routing look-up "register a trade in Mainz" (LeiKa 99050012104000, place by name) against the
 * sandbox's directory simulator on loopback: through {@link DirectoryClient} without cache (six
 * GETs: location, search, detail, two online services, the responsible unit, each parsed into the
 * XZuFi model), with a cache (answered from memory after the first call), and the same six GETs with
 * a bare Apache HttpClient 5 and Jackson trees taking out only the fields a hand-written
 * integration would read.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DirectoryRoutingBenchmark -t 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class DirectoryRoutingBenchmark {

    private static final LeikaKey TRADE = LeikaKey.parse("99050012104000");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Sandbox sandbox;
    private DirectoryClient uncached;
    private DirectoryClient cached;
    private CloseableHttpClient bare;
    private String base;

    /** Starts the sandbox and the clients. */
    @Setup(Level.Trial)
    public void start() {
        sandbox = Sandbox.builder().service(DirectorySimulator.create()).start();
        OzgClientConfig config = OzgClientConfig.builder().baseUri(sandbox.baseUri(DirectorySimulator.SERVICE_NAME))
                .maxConnections(16).build();
        uncached = DirectoryClient.builder().config(config).build();
        cached = DirectoryClient.builder().config(config).cache(10_000, Duration.ofHours(1)).build();
        bare = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(16).setMaxConnPerRoute(16)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(10)).setSocketTimeout(Timeout.ofSeconds(30)).build())
                        .build())
                .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement()
                .build();
        base = sandbox.baseUri(DirectorySimulator.SERVICE_NAME).toString();
    }

    /**
     * Stops clients and sandbox.
     *
     * @throws IOException if the bare client cannot be closed
     */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
        uncached.close();
        cached.close();
        bare.close();
        sandbox.close();
    }

    /** @return the routing, every answer fetched over HTTP */
    @Benchmark
    public Routing sdkUncached() {
        return uncached.route(TRADE, "Mainz").orElseThrow();
    }

    /** @return the routing, from the cache after the first call */
    @Benchmark
    public Routing sdkCached() {
        return cached.route(TRADE, "Mainz").orElseThrow();
    }

    /**
     * The same six GETs with a bare HttpClient and Jackson trees.
     *
     * @return the responsible unit's title and the first destination signature
     * @throws IOException on failure
     */
    @Benchmark
    public String bareUncached() throws IOException {
        return bareRouting(this::get);
    }

    /** One request of the bare variant: a path under the simulator's base to its JSON tree. */
    interface JsonGet {
        JsonNode get(String path) throws IOException;
    }

    /**
     * What a hand-written integration does for the routing question: six GETs, taking out only the
     * members it reads (shared with {@link DirectoryRoutingCpuBenchmark}, which answers from memory).
     */
    static String bareRouting(JsonGet json) throws IOException {
        String ars = json.get("/v3/locations?q=Mainz").get(0).get("ars").textValue();
        JsonNode content = json.get("/v3/servicedescriptions/leikaid?leikaIds=" + TRADE + "&ars=" + ars + "&page=0&size=20")
                .get("content");
        String id = null;
        for (JsonNode sd : content) {
            if (sd.get("ars").get(0).textValue().equals(ars)) {
                id = sd.get("id").textValue();
            }
        }
        JsonNode detail = json.get("/v6/servicedescriptions/" + id + "/detail?ars=" + ars);
        for (JsonNode link : detail.get("onlineServiceLinks")) {
            json.get("/v2/onlineservices/detail?q=" + enc(link.get("id").textValue())).get("parameters");
        }
        JsonNode org = detail.get("organisations").get(0);
        JsonNode unit = json.get("/v5/organisationunits/detail?q=" + enc(org.get("id").textValue()) + "&ars=" + ars
                + "&lbId=" + enc(id));
        return unit.get("title").textValue() + org.get("secondaryIds").get(0).get("value").textValue();
    }

    private JsonNode get(String path) throws IOException {
        HttpGet get = new HttpGet(base + path);
        get.setHeader("Accept", "application/json");
        return bare.execute(get, response -> {
            byte[] bytes = EntityUtils.toByteArray(response.getEntity());
            if (response.getCode() != 200) {
                throw new IOException(path + " answered " + response.getCode());
            }
            return MAPPER.readTree(bytes);
        });
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
