package de.ozgkit.payment.it;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.RetryPolicy;
import de.ozgkit.payment.PaymentClient;
import de.ozgkit.payment.PaymentItem;
import de.ozgkit.payment.PaymentRequest;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.payment.PaymentProviderSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sandbox with the simulated payment provider on loopback, a client for it, and a browser
 * stand-in for the paypage (plain HTTP, no JavaScript, just like a form post).
 *
 * <p>Sandbox and clients share one {@link MovableClock}, and the clients wait by moving it forward:
 * no test sleeps to let time pass.
 */
final class ProviderFixture implements AutoCloseable {

    static final String ORIGINATOR = "online-service-1";
    static final String END_POINT = "09162000";

    final Sandbox sandbox;
    final PaymentProviderSimulator provider;
    final MovableClock clock = new MovableClock();

    ProviderFixture(PaymentProviderSimulator provider) {
        this(provider, Sandbox.builder().service(provider));
    }

    ProviderFixture(PaymentProviderSimulator provider, Sandbox.Builder builder) {
        this.provider = provider;
        this.sandbox = builder.clock(clock).start();
    }

    URI base() {
        return sandbox.baseUri(PaymentProviderSimulator.SERVICE_NAME);
    }

    OzgClientConfig.Builder config() {
        return OzgClientConfig.builder().baseUri(base())
                .retryPolicy(RetryPolicy.DEFAULT.withBackoff(Duration.ofMillis(5), Duration.ofMillis(50)));
    }

    PaymentClient client() {
        return client(config().build());
    }

    PaymentClient client(OzgClientConfig config) {
        return clientBuilder(config).build();
    }

    PaymentClient.Builder clientBuilder(OzgClientConfig config) {
        return PaymentClient.builder().config(config).context(ORIGINATOR, END_POINT)
                .pollBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10)).clock(clock).sleeper(clock::advance);
    }

    static PaymentRequest.Builder request() {
        return PaymentRequest.builder()
                .purpose("MELDEBESCHEINIGUNG")
                .description("Meldebescheinigung, einfache Ausfertigung")
                .redirectUrl("https://service.example.org/antrag/4711/zurueck")
                .item(PaymentItem.builder().id("fee-1").singleNetAmount(new BigDecimal("12.50"))
                        .taxRate(BigDecimal.ZERO).bookingData("Haushaltsstelle", "1.1100.1234")
                        .bookingData("Kassenzeichen", "5.0100.123456.7").build());
    }

    /** A citizen on the paypage: loads it, then submits the form with the given action. */
    static PaypageResult choose(URI paypage, String action, String paymentMethod) throws IOException {
        HttpURLConnection get = (HttpURLConnection) paypage.toURL().openConnection();
        String html = new String(read(get), StandardCharsets.UTF_8);
        if (get.getResponseCode() != 200) {
            throw new IOException("paypage answered " + get.getResponseCode());
        }
        Matcher m = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new IOException("the paypage has no form: " + html);
        }
        URI action2 = paypage.resolve(m.group(1).replace("&amp;", "&"));
        HttpURLConnection post = (HttpURLConnection) action2.toURL().openConnection();
        post.setInstanceFollowRedirects(false);
        post.setRequestMethod("POST");
        post.setDoOutput(true);
        post.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        try (OutputStream out = post.getOutputStream()) {
            out.write(("action=" + action + (paymentMethod == null ? "" : "&paymentMethod=" + paymentMethod))
                    .getBytes(StandardCharsets.UTF_8));
        }
        int status = post.getResponseCode();
        read(post);
        return new PaypageResult(html, status, post.getHeaderField("Location"));
    }

    record PaypageResult(String html, int status, String location) {
    }

    static byte[] read(HttpURLConnection c) throws IOException {
        InputStream in = c.getResponseCode() >= 400 ? c.getErrorStream() : c.getInputStream();
        if (in == null) {
            return new byte[0];
        }
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    /** Posts raw bytes to the provider, as a careless client would. */
    static Raw post(URI uri, String contentType, String body, String authorization) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", contentType);
        if (authorization != null) {
            c.setRequestProperty("Authorization", authorization);
        }
        try (OutputStream out = c.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        int status = c.getResponseCode();
        return new Raw(status, c.getContentType(), new String(read(c), StandardCharsets.UTF_8));
    }

    record Raw(int status, String contentType, String body) {
    }

    @Override
    public void close() {
        sandbox.close();
    }

    /** A clock the test moves forward, shared by sandbox and clients; waiting moves it. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-06-01T08:00:00Z"));
        private final AtomicLong waited = new AtomicLong();

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
            waited.addAndGet(d.toNanos());
        }

        /** @return how long the clients waited in all (by moving the clock) */
        Duration waited() {
            return Duration.ofNanos(waited.get());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
