package de.ozgkit.sandbox.fitconnect;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import de.ozgkit.core.http.HttpTransport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers callbacks as the submission service does: {@code POST} of the JSON body with the headers
 * {@code callback-timestamp} (Unix seconds) and {@code callback-authentication} (hex HMAC-SHA512 of
 * {@code "{timestamp}.{body}"} under the callback secret), repeated a few times until the receiver
 * answers 2xx. Runs on one background thread so that API calls do not wait for receivers.
 */
final class CallbackSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackSender.class);
    private static final int ATTEMPTS = 3;

    private final Clock clock;
    private final HttpTransport transport = HttpTransport.create(OzgClientConfig.builder()
            .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5)).build());
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ozgkit-sandbox-fitconnect-callbacks");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger delivered = new AtomicInteger();

    CallbackSender(Clock clock) {
        this.clock = clock;
    }

    static String hmac(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    int delivered() {
        return delivered.get();
    }

    void send(URI url, String secret, byte[] body) {
        executor.execute(() -> {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                String timestamp = Long.toString(clock.instant().getEpochSecond());
                try {
                    HttpResponse r = transport.execute(HttpRequest.builder("POST", url)
                            .header("callback-timestamp", timestamp)
                            .header("callback-authentication", hmac(secret, timestamp, body))
                            .body("application/json", body).build());
                    if (r.isSuccessful()) {
                        delivered.incrementAndGet();
                        return;
                    }
                    LOG.debug("callback to {} answered {}", url.getHost(), r.status());
                } catch (Exception e) {
                    LOG.debug("callback to {} failed: {}", url.getHost(), e.toString());
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        transport.close();
    }
}
