package de.ozgkit.testkit.mail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * A real SMTP server on loopback for tests and the sandbox, built on GreenMail, with what GreenMail
 * itself lacks: STARTTLS (RFC 3207) and mandatory authentication.
 *
 * <ul>
 *   <li>With {@link Builder#startTls(SSLContext)} the server offers nothing but STARTTLS before the TLS
 *       handshake and refuses every other command with {@code 530}; AUTH is offered only inside TLS.</li>
 *   <li>With {@link Builder#user(String, String)} the server requires authentication: {@code MAIL}
 *       before a successful AUTH is refused with {@code 530}, wrong credentials with {@code 535}.</li>
 *   <li>{@link Builder#refuseRecipients(Predicate)} makes it refuse chosen recipients with {@code 550}.</li>
 *   <li>Every accepted mail is kept ({@link #received()}) and handed to the listeners of
 *       {@link Builder#onMail(Consumer)}, on the connection's thread, before the server confirms the
 *       mail with {@code 250}.</li>
 * </ul>
 *
 * <pre>{@code
 * try (SmtpTestServer smtp = SmtpTestServer.builder()
 *         .startTls(pki.server("127.0.0.1").sslContext())
 *         .user("sender", "secret")
 *         .start()) {
 *     // send to 127.0.0.1:smtp.port(), then
 *     smtp.awaitMails(1, Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <p>Thread-safe. Not hardened for production traffic: messages are held in memory.
 */
public final class SmtpTestServer implements AutoCloseable {

    private final StartTlsSmtpServer server;
    private final String host;
    private final boolean startTls;
    private final List<ReceivedMail> received = new ArrayList<>();
    private final List<Consumer<ReceivedMail>> listeners;

    private SmtpTestServer(Builder b) {
        this.host = b.bindAddress;
        this.startTls = b.tls != null;
        this.listeners = List.copyOf(b.listeners);
        ServerSetup setup = new ServerSetup(b.port, b.bindAddress, ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(b.startupTimeout.toMillis());
        Managers managers = new Managers();
        UserManager users = managers.getUserManager();
        boolean authRequired = !b.users.isEmpty();
        users.setAuthRequired(authRequired);
        try {
            for (Map.Entry<String, String> u : b.users.entrySet()) {
                users.createUser(u.getKey() + "@sender.invalid", u.getKey(), u.getValue());
            }
            // every mail goes to one mailbox whose login and password nobody knows, so that a
            // recipient address never becomes a login (GreenMail's default creates such users)
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            String sink = "sink-" + HexFormat.of().formatHex(secret, 0, 8);
            GreenMailUser sinkUser = users.createUser(sink + "@sink.invalid", sink, HexFormat.of().formatHex(secret));
            users.setMessageDeliveryHandler((MovingMessage msg, MailAddress to) -> {
                deliver(msg, to);
                return sinkUser;
            });
        } catch (UserException e) {
            throw new IllegalStateException("cannot set up the SMTP users: " + e.getMessage(), e);
        }
        this.server = new StartTlsSmtpServer(setup, managers, b.tls, authRequired, b.bindAddress, b.refuseRecipient);
        server.setClientSocketTimeout((int) b.clientTimeout.toMillis());
    }

    /** @return a builder: 127.0.0.1, a free port, no TLS, no authentication */
    public static Builder builder() {
        return new Builder();
    }

    private void deliver(MovingMessage msg, MailAddress to) {
        MailAddress from = msg.getReturnPath();
        ReceivedMail mail = new ReceivedMail(from == null ? "" : from.getEmail(), to.getEmail(), msg.getMessage());
        synchronized (received) {
            received.add(mail);
            received.notifyAll();
        }
        for (Consumer<ReceivedMail> l : listeners) {
            l.accept(mail);
        }
    }

    /** @return the address the server listens on, e.g. {@code 127.0.0.1} */
    public String host() {
        return host;
    }

    /** @return the port the server listens on */
    public int port() {
        return server.getPort();
    }

    /** @return {@code smtp://host:port} */
    public URI uri() {
        return URI.create("smtp://" + host + ":" + port());
    }

    /** @return whether the server requires STARTTLS */
    public boolean startTls() {
        return startTls;
    }

    /** @return the mails accepted so far, in order of arrival */
    public List<ReceivedMail> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /**
     * Waits until at least {@code count} mails have arrived.
     *
     * @param count   how many
     * @param timeout how long to wait at most
     * @return whether they arrived in time
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitMails(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (received.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                received.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** Stops the server and closes open connections. */
    @Override
    public void close() {
        server.stopService();
    }

    @Override
    public String toString() {
        return "SmtpTestServer[" + uri() + (startTls ? ", STARTTLS" : ", plain") + "]";
    }

    /** Configures an {@link SmtpTestServer}. Not thread-safe. */
    public static final class Builder {
        private String bindAddress = "127.0.0.1";
        private int port;
        private SSLContext tls;
        private final Map<String, String> users = new LinkedHashMap<>();
        private final List<Consumer<ReceivedMail>> listeners = new ArrayList<>();
        private Predicate<String> refuseRecipient = address -> false;
        private Duration clientTimeout = Duration.ofSeconds(30);
        private Duration startupTimeout = Duration.ofSeconds(10);

        private Builder() {
        }

        /**
         * @param address the address to bind to, default {@code 127.0.0.1}
         * @return this builder
         */
        public Builder bindAddress(String address) {
            this.bindAddress = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * @param port the port, 0 (the default) for a free one
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Requires STARTTLS with this server-side TLS context (key manager with the server certificate).
         *
         * @param serverContext the TLS context
         * @return this builder
         */
        public Builder startTls(SSLContext serverContext) {
            this.tls = Objects.requireNonNull(serverContext, "serverContext");
            return this;
        }

        /**
         * Adds a user; with at least one user the server requires authentication.
         *
         * @param login    the login
         * @param password the password
         * @return this builder
         */
        public Builder user(String login, String password) {
            users.put(Objects.requireNonNull(login, "login"), Objects.requireNonNull(password, "password"));
            return this;
        }

        /**
         * Calls the listener for every accepted mail, on the connection's thread, before the server
         * confirms the mail to the client. Exceptions from the listener are the listener's business:
         * they abort the connection.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder onMail(Consumer<ReceivedMail> listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Refuses recipients ({@code RCPT TO}) with {@code 550}, as a server does for an unknown mailbox.
         *
         * @param addresses which addresses (lower case) to refuse
         * @return this builder
         */
        public Builder refuseRecipients(Predicate<String> addresses) {
            this.refuseRecipient = Objects.requireNonNull(addresses, "addresses");
            return this;
        }

        /**
         * @param timeout how long a connection may stay idle, default 30 s
         * @return this builder
         */
        public Builder clientTimeout(Duration timeout) {
            this.clientTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Starts the server and waits until it accepts connections.
         *
         * @return the running server
         * @throws IllegalStateException if it does not start in time (e.g. the port is taken)
         */
        public SmtpTestServer start() {
            SmtpTestServer s = new SmtpTestServer(this);
            s.server.startService();
            try {
                if (!s.server.waitTillRunning(startupTimeout.toMillis())) {
                    s.close();
                    throw new IllegalStateException("the SMTP server did not start on " + bindAddress + ":" + port);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                s.close();
                throw new IllegalStateException("interrupted while starting the SMTP server", e);
            }
            return s;
        }
    }
}
