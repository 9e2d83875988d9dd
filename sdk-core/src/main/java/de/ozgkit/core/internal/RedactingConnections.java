package de.ozgkit.core.internal;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.http.message.RequestLine;
import org.apache.hc.core5.http.message.StatusLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HttpClient connections whose header and wire logs never show a secret. HttpClient 5 logs every
 * header field ({@code org.apache.hc.client5.http.headers}) and every byte
 * ({@code org.apache.hc.client5.http.wire}) at DEBUG, credentials included. The connections made
 * here log under the same names and in the same form, but replace the values of
 * {@code Authorization} and {@code Proxy-Authorization} and the OAuth 2.0 secrets that travel in
 * bodies ({@code client_secret} in a token request's form, {@code access_token} and
 * {@code refresh_token} in the token endpoint's answer) with {@value #REDACTED}.
 *
 * <p>The wire log is written line by line; a line that may still turn out to carry a secret is
 * held back until it is complete (its line end, the end of the message written, or the end of the
 * connection), so a secret split across two socket reads or writes is redacted as well.
 */
public final class RedactingConnections {

    /** What replaces a secret in the logs. */
    public static final String REDACTED = "<redacted>";

    private static final Logger HEADER_LOG = LoggerFactory.getLogger("org.apache.hc.client5.http.headers");
    private static final Logger WIRE_LOG = LoggerFactory.getLogger("org.apache.hc.client5.http.wire");
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final HttpConnectionFactory<ManagedHttpClientConnection> FACTORY = socket -> {
        Connection c = new Connection("http-outgoing-" + COUNTER.getAndIncrement());
        if (socket != null) {
            c.bind(socket);
        }
        return c;
    };

    /** Header fields whose values are secrets. */
    private static final Pattern SECRET_HEADER = Pattern.compile(
            // anywhere in a line: the line may have been logged in pieces, its start already written
            "(?i)(authorization\\s*:).*?(\\[\\\\r\\]\\[\\\\n\\])?$");
    /** Secrets inside a line: form fields and JSON members of the OAuth 2.0 token exchange. */
    private static final Pattern SECRET_VALUE = Pattern.compile(
            "(?i)((?:^|[&?\\s])client_secret=)[^&\\s\\[]*"
            // the opening quote may have been logged with the line's start already
            + "|(\"?(?:access_token|refresh_token|id_token|client_secret)\"\\s*:\\s*\")[^\"]*");
    /** Lower-case markers whose presence (or a beginning of which at the end) holds a line back. */
    private static final String[] MARKERS = {"authorization", "client_secret", "access_token", "refresh_token",
        "id_token"};

    private RedactingConnections() {
    }

    /** @return the connection factory for HttpClient's connection manager */
    public static HttpConnectionFactory<ManagedHttpClientConnection> factory() {
        return FACTORY;
    }

    /**
     * Redacts one header field for the log.
     *
     * @param header the field
     * @return {@code name: value}, the value replaced for {@code Authorization} and {@code Proxy-Authorization}
     */
    static String header(Header header) {
        String name = header.getName();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean secret = lower.equals("authorization") || lower.equals("proxy-authorization");
        return name + ": " + (secret ? REDACTED : header.getValue());
    }

    /**
     * Redacts one logged line (already escaped for the log).
     *
     * @param line the line
     * @return the line with every secret replaced
     */
    static String redact(String line) {
        Matcher h = SECRET_HEADER.matcher(line);
        if (h.find()) {
            return line.substring(0, h.start()) + h.group(1) + " " + REDACTED + (h.group(2) == null ? "" : h.group(2));
        }
        Matcher m = SECRET_VALUE.matcher(line);
        if (!m.find()) {
            return line;
        }
        StringBuilder sb = new StringBuilder(line.length());
        m.reset();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement((m.group(1) != null ? m.group(1) : m.group(2)) + REDACTED));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Whether a partial line may carry (the beginning of) a secret and must wait for its end. */
    static boolean mayHoldSecret(CharSequence partial) {
        String lower = partial.toString().toLowerCase(Locale.ROOT);
        return markers(lower) > 0 || endsWithMarkerStart(lower);
    }

    /**
     * Whether a held partial line can be written now: each secret marker in it is followed by a
     * value that was redacted and has ended, and nothing at its end may start another marker.
     */
    static boolean completelyRedacted(CharSequence partial, String redacted) {
        String lower = partial.toString().toLowerCase(Locale.ROOT);
        int markers = markers(lower);
        return markers > 0 && !redacted.endsWith(REDACTED) && !endsWithMarkerStart(lower)
                && occurrences(redacted, REDACTED) == markers;
    }

    private static int markers(String lower) {
        int n = 0;
        for (String marker : MARKERS) {
            n += occurrences(lower, marker);
        }
        return n;
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    private static boolean endsWithMarkerStart(String lower) {
        for (String marker : MARKERS) {
            for (int k = Math.min(marker.length() - 1, lower.length()); k > 0; k--) {
                if (lower.regionMatches(lower.length() - k, marker, 0, k)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One direction of the wire log of one connection: escapes bytes as HttpClient does, redacts by line. */
    static final class WireLine {
        /** A line this long is written out even without its end (redacted, and its secret's rest swallowed). */
        static final int MAX_LINE = 16 * 1024;

        private final Logger log;
        private final String prefix;
        private final StringBuilder line = new StringBuilder();
        /** Inside a secret value whose start was already logged as redacted: drop until its end. */
        private boolean swallowing;

        WireLine(Logger log, String id, String direction) {
            this.log = log;
            this.prefix = id + " " + direction;
        }

        synchronized void bytes(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                int c = b[i] & 0xff;
                if (swallowing) {
                    if (c == '"' || c == '&' || c == '\r' || c == '\n' || c == ' ') {
                        swallowing = false;
                    } else {
                        continue;
                    }
                }
                if (c == '\r') {
                    line.append("[\\r]");
                } else if (c == '\n') {
                    line.append("[\\n]");
                    emit();
                    continue;
                } else if (c < 32 || c > 126) {
                    line.append("[0x").append(Integer.toHexString(c)).append(']');
                } else {
                    line.append((char) c);
                }
                if (line.length() >= MAX_LINE) {
                    String redacted = redact(line.toString());
                    swallowing = !redacted.equals(line.toString()) && endsInsideSecret(redacted);
                    write(redacted);
                }
            }
            if (line.length() > 0) {
                if (!mayHoldSecret(line)) {
                    emit();
                } else {
                    String redacted = redact(line.toString());
                    if (completelyRedacted(line, redacted)) {
                        write(redacted);
                    }
                }
            }
        }

        private static boolean endsInsideSecret(String redacted) {
            return redacted.endsWith(REDACTED);
        }

        synchronized void flush() {
            if (line.length() > 0) {
                emit();
            }
        }

        private void emit() {
            write(redact(line.toString()));
        }

        private void write(String text) {
            line.setLength(0);
            log.debug("{} \"{}\"", prefix, text);
        }
    }

    /** Socket streams that feed the redacting wire log. */
    static final class Holder extends SocketHolder {
        private final WireLine received;
        private final WireLine sent;

        Holder(Socket socket, String id) {
            super(socket);
            this.received = new WireLine(WIRE_LOG, id, "<<");
            this.sent = new WireLine(WIRE_LOG, id, ">>");
        }

        Holder(SSLSocket ssl, Socket base, String id) {
            super(ssl, base);
            this.received = new WireLine(WIRE_LOG, id, "<<");
            this.sent = new WireLine(WIRE_LOG, id, ">>");
        }

        @Override
        protected InputStream getInputStream(Socket socket) throws IOException {
            return new FilterInputStream(super.getInputStream(socket)) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        received.bytes(new byte[] {(byte) b}, 0, 1);
                    } else {
                        received.flush();
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    if (n > 0) {
                        received.bytes(b, off, n);
                    } else if (n < 0) {
                        received.flush();
                    }
                    return n;
                }

                @Override
                public void close() throws IOException {
                    received.flush();
                    super.close();
                }
            };
        }

        @Override
        protected OutputStream getOutputStream(Socket socket) throws IOException {
            return new FilterOutputStream(super.getOutputStream(socket)) {
                @Override
                public void write(int b) throws IOException {
                    sent.bytes(new byte[] {(byte) b}, 0, 1);
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    sent.bytes(b, off, len);
                    out.write(b, off, len);
                }

                @Override
                public void flush() throws IOException {
                    // a message has been written completely: a line held back for a secret is complete too
                    sent.flush();
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    sent.flush();
                    super.close();
                }
            };
        }
    }

    /** HttpClient's managed connection with the redacting header and wire logs. */
    static final class Connection extends DefaultManagedHttpClientConnection {

        Connection(String id) {
            super(id);
        }

        @Override
        public void bind(Socket socket) throws IOException {
            bind(WIRE_LOG.isDebugEnabled() ? new Holder(socket, getId()) : new SocketHolder(socket));
        }

        @Override
        public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
            bind(WIRE_LOG.isDebugEnabled() ? new Holder(sslSocket, socket, getId()) : new SocketHolder(sslSocket, socket));
        }

        @Override
        protected void onRequestSubmitted(ClassicHttpRequest request) {
            if (request != null && HEADER_LOG.isDebugEnabled()) {
                HEADER_LOG.debug("{} >> {}", getId(), new RequestLine(request));
                for (Header h : request.getHeaders()) {
                    HEADER_LOG.debug("{} >> {}", getId(), header(h));
                }
            }
        }

        @Override
        protected void onResponseReceived(ClassicHttpResponse response) {
            if (response != null && HEADER_LOG.isDebugEnabled()) {
                HEADER_LOG.debug("{} << {}", getId(), new StatusLine(response));
                for (Header h : response.getHeaders()) {
                    HEADER_LOG.debug("{} << {}", getId(), header(h));
                }
            }
        }
    }
}
