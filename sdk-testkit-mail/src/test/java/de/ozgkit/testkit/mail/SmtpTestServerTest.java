package de.ozgkit.testkit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.KeyType;
import de.ozgkit.testkit.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SmtpTestServerTest {

    private static final TestPki PKI = TestPki.create(KeyType.EC_P256);
    private final IssuedCertificate server = PKI.server("127.0.0.1");
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private SmtpTestServer start(SmtpTestServer.Builder b) {
        SmtpTestServer s = b.start();
        open.add(s);
        return s;
    }

    /** A line-oriented SMTP client on a raw socket that can switch to TLS. */
    private final class Client implements AutoCloseable {
        private Socket socket;
        private BufferedReader in;
        private OutputStream out;

        Client(int port) throws IOException {
            attach(new Socket(InetAddress.getLoopbackAddress(), port));
        }

        private void attach(Socket s) throws IOException {
            socket = s;
            socket.setSoTimeout(10_000);
            in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            out = s.getOutputStream();
        }

        /** @return the complete (possibly multi-line) reply, lines joined with '\n', or null at EOF */
        String reply() throws IOException {
            StringBuilder sb = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                sb.append(sb.length() == 0 ? "" : "\n").append(line);
                if (line.length() < 4 || line.charAt(3) != '-') {
                    return sb.toString();
                }
            }
            return sb.length() == 0 ? null : sb.toString();
        }

        String send(String command) throws IOException {
            raw(command + "\r\n");
            return reply();
        }

        void raw(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        void upgrade() throws Exception {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("root", PKI.rootCertificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(socket, "127.0.0.1", socket.getPort(), true);
            s.setUseClientMode(true);
            s.startHandshake();
            attach(s);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static String plainAuth(String user, String password) {
        return "AUTH PLAIN " + Base64.getEncoder().encodeToString(
                ("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void beforeStartTls_onlyStartTlsIsOffered_andEverythingElseGets530() throws Exception {
        SmtpTestServer smtp = start(SmtpTestServer.builder().startTls(server.sslContext()).user("u", "p"));
        try (Client c = new Client(smtp.port())) {
            assertThat(c.reply()).startsWith("220 ");
            String ehlo = c.send("EHLO client.example");
            assertThat(ehlo).contains("250 STARTTLS").doesNotContain("AUTH");
            assertThat(c.send(plainAuth("u", "p"))).startsWith("530 ");
            assertThat(c.send("MAIL FROM:<u@example.org>")).startsWith("530 ");
            assertThat(c.send("NOOP")).startsWith("250 ");
            assertThat(c.send("QUIT")).startsWith("221 ");
        }
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void commandsPipelinedBehindStartTls_closeTheConnection() throws Exception {
        SmtpTestServer smtp = start(SmtpTestServer.builder().startTls(server.sslContext()).user("u", "p"));
        try (Client c = new Client(smtp.port())) {
            c.reply();
            c.send("EHLO client.example");
            c.raw("STARTTLS\r\nMAIL FROM:<injected@example.org>\r\n");
            assertThat(c.reply()).startsWith("554 ");
            assertThat(c.reply()).isNull();
        }
    }

    @Test
    void insideTls_authIsOffered_mailNeedsAuth_andStartTlsIsNotRepeated() throws Exception {
        List<ReceivedMail> heard = new CopyOnWriteArrayList<>();
        SmtpTestServer smtp = start(SmtpTestServer.builder().startTls(server.sslContext()).user("u", "p")
                .onMail(heard::add));
        try (Client c = new Client(smtp.port())) {
            c.reply();
            c.send("EHLO client.example");
            assertThat(c.send("STARTTLS")).startsWith("220 ");
            c.upgrade();
            assertThat(c.send("EHLO client.example")).contains("AUTH");
            assertThat(c.send("MAIL FROM:<u@example.org>")).startsWith("530 ");
            assertThat(c.send("STARTTLS")).startsWith("500 ");
            assertThat(c.send(plainAuth("u", "wrong"))).startsWith("535 ");
            assertThat(c.send(plainAuth("u", "p"))).startsWith("235 ");
            assertThat(c.send("MAIL FROM:<u@example.org>")).startsWith("250 ");
            assertThat(c.send("RCPT TO:<portal@example.org>")).startsWith("250 ");
            assertThat(c.send("DATA")).startsWith("354 ");
            assertThat(c.send("Subject: hello\r\n\r\nbody\r\n.")).startsWith("250 ");
            c.send("QUIT");
        }
        assertThat(smtp.awaitMails(1, Duration.ofSeconds(10))).isTrue();
        ReceivedMail mail = smtp.received().get(0);
        assertThat(mail.envelopeFrom()).isEqualTo("u@example.org");
        assertThat(mail.envelopeTo()).isEqualTo("portal@example.org");
        assertThat(mail.message().getSubject()).isEqualTo("hello");
        assertThat(heard).containsExactly(mail);
    }

    @Test
    void recipientAddresses_neverBecomeLogins() throws Exception {
        SmtpTestServer smtp = start(SmtpTestServer.builder().user("u", "p"));
        try (Client c = new Client(smtp.port())) {
            c.reply();
            c.send("EHLO client.example");
            c.send(plainAuth("u", "p"));
            c.send("MAIL FROM:<u@example.org>");
            c.send("RCPT TO:<victim@example.org>");
            c.send("DATA");
            assertThat(c.send("Subject: x\r\n\r\nx\r\n.")).startsWith("250 ");
        }
        assertThat(smtp.awaitMails(1, Duration.ofSeconds(10))).isTrue();
        try (Client c = new Client(smtp.port())) {
            c.reply();
            c.send("EHLO client.example");
            assertThat(c.send(plainAuth("victim@example.org", "victim@example.org"))).startsWith("535 ");
        }
    }

    @Test
    void plainServerWithUsers_refusesMailBeforeAuth_andRefusesChosenRecipients() throws Exception {
        SmtpTestServer smtp = start(SmtpTestServer.builder().user("u", "p")
                .refuseRecipients(a -> a.startsWith("unknown")));
        assertThat(smtp.startTls()).isFalse();
        assertThat(smtp.uri().toString()).isEqualTo("smtp://127.0.0.1:" + smtp.port());
        try (Client c = new Client(smtp.port())) {
            c.reply();
            assertThat(c.send("EHLO client.example")).contains("AUTH");
            assertThat(c.send("MAIL FROM:<u@example.org>")).startsWith("530 ");
            assertThat(c.send(plainAuth("u", "p"))).startsWith("235 ");
            assertThat(c.send("MAIL FROM:<u@example.org>")).startsWith("250 ");
            assertThat(c.send("RCPT TO:<Unknown@example.org>")).startsWith("550 ");
            assertThat(c.send("RCPT TO:<known@example.org>")).startsWith("250 ");
        }
    }

    @Test
    void overlongCommandLineBeforeStartTls_closesTheConnection() throws Exception {
        SmtpTestServer smtp = start(SmtpTestServer.builder().startTls(server.sslContext()));
        try (Client c = new Client(smtp.port())) {
            c.reply();
            c.raw("EHLO " + "x".repeat(5000) + "\r\n");
            assertThat(c.reply()).isNull();
        }
    }
}
