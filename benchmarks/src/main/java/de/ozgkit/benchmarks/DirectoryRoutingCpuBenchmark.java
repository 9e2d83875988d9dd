package de.ozgkit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.http.Headers;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import de.ozgkit.core.http.HttpTransport;
import de.ozgkit.core.id.LeikaKey;
import de.ozgkit.directory.DirectoryClient;
import de.ozgkit.directory.Routing;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.directory.DirectorySimulator;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * The client-side CPU work of one uncached routing look-up "register a trade in Mainz", without
 * network and server: {@link DirectoryClient} against a transport that hands back the six answers
 * recorded from the sandbox's directory simulator (request built, answer checked and read into the
 * XZuFi model, route assembled), versus the bare client's own work for the same six answers (URI
 * strings, Jackson {@code readTree}, the few members a hand-written integration reads). Shows where
 * the SDK's extra CPU goes; {@link DirectoryRoutingBenchmark} is the end-to-end comparison.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DirectoryRoutingCpuBenchmark -t 1 -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class DirectoryRoutingCpuBenchmark {

    private static final LeikaKey TRADE = LeikaKey.parse("99050012104000");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BASE = "http://127.0.0.1:9/directory";

    /** Recorded answers by path and query below the service's base. */
    private final Map<String, byte[]> answers = new ConcurrentHashMap<>();
    private DirectoryClient sdk;

    /** Records the six answers of one look-up from the sandbox, then builds the SDK on a replaying transport. */
    @Setup(Level.Trial)
    public void record() {
        try (Sandbox sandbox = Sandbox.builder().service(DirectorySimulator.create()).start()) {
            URI base = sandbox.baseUri(DirectorySimulator.SERVICE_NAME);
            HttpTransport recording = new HttpTransport() {
                private final HttpTransport delegate = HttpTransport.create(OzgClientConfig.builder().baseUri(base).build());

                @Override
                public HttpResponse execute(HttpRequest request) throws IOException {
                    HttpResponse r = delegate.execute(request);
                    answers.put(key(request.uri()), r.body());
                    return r;
                }

                @Override
                public void close() {
                    delegate.close();
                }
            };
            try (DirectoryClient c = DirectoryClient.builder().config(OzgClientConfig.builder().baseUri(base)
                    .transport(recording).build()).build()) {
                c.route(TRADE, "Mainz").orElseThrow();
            } finally {
                recording.close();
            }
        }
        if (answers.size() != 6) {
            throw new IllegalStateException("expected six recorded answers, got " + answers.keySet());
        }
        HttpTransport replay = new HttpTransport() {
            @Override
            public HttpResponse execute(HttpRequest request) {
                byte[] body = answers.get(key(request.uri()));
                if (body == null) {
                    throw new IllegalStateException("no recorded answer for " + request.uri());
                }
                return new HttpResponse(200, Headers.of(Map.of("Content-Type", List.of("application/json"),
                        "Content-Length", List.of(Integer.toString(body.length)))), body);
            }

            @Override
            public void close() {
            }
        };
        sdk = DirectoryClient.builder().config(OzgClientConfig.builder().baseUri(BASE).transport(replay).build()).build();
    }

    private static String key(URI uri) {
        String path = uri.getRawPath();
        return path.substring(path.indexOf("/directory") + "/directory".length()) + "?" + uri.getRawQuery();
    }

    /** Closes the client. */
    @TearDown(Level.Trial)
    public void close() {
        sdk.close();
    }

    /** @return the routing; the SDK's work without network */
    @Benchmark
    public Routing sdkClientWork() {
        return sdk.route(TRADE, "Mainz").orElseThrow();
    }

    /**
     * The bare client's own work for the same six answers, as in {@link DirectoryRoutingBenchmark#bareUncached()}.
     *
     * @return the responsible unit's title and the first destination signature
     * @throws IOException never
     */
    @Benchmark
    public String bareClientWork() throws IOException {
        return DirectoryRoutingBenchmark.bareRouting(this::get);
    }

    /** What the bare variant does per request besides HTTP: the request URI (HttpGet parses it) and the JSON tree. */
    private JsonNode get(String path) throws IOException {
        URI uri = URI.create(BASE + path);
        byte[] body = answers.get(key(uri));
        if (body == null) {
            throw new IOException("no recorded answer for " + uri);
        }
        return MAPPER.readTree(body);
    }
}
