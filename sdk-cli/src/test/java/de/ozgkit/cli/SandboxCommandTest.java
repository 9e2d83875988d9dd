package de.ozgkit.cli;

import de.ozgkit.cli.OzgkitCommandTest.Run;
import de.ozgkit.sandbox.BuiltInServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ozgkit sandbox}: runs on a thread, prints its services, serves them, stops on interrupt. */
class SandboxCommandTest {

    /** A running {@code ozgkit sandbox} on its own thread. */
    private static final class Running implements AutoCloseable {
        final StringWriter out = new StringWriter();
        final BufferedReader err;
        final AtomicInteger code = new AtomicInteger(-1);
        final Thread thread;
        final StringBuilder errLines = new StringBuilder();

        Running(String... args) throws IOException {
            PipedWriter errPipe = new PipedWriter();
            err = new BufferedReader(new PipedReader(errPipe, 64 * 1024));
            PrintWriter outWriter = new PrintWriter(out, true);
            PrintWriter errWriter = new PrintWriter(errPipe, true);
            thread = new Thread(() -> {
                code.set(OzgkitCommand.execute(outWriter, errWriter, args));
                errWriter.close();
            }, "ozgkit-sandbox-command");
            thread.start();
        }

        /** Reads stderr up to the line that says the sandbox runs; stdout is complete by then. */
        List<String> awaitServices() throws IOException {
            String line;
            while ((line = err.readLine()) != null) {
                errLines.append(line).append('\n');
                if (line.contains("press Ctrl+C to stop")) {
                    return out.toString().lines().toList();
                }
            }
            throw new AssertionError("the sandbox command ended without running: " + errLines + out);
        }

        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join();
            return code.get();
        }

        @Override
        public void close() {
            if (thread.isAlive()) {
                thread.interrupt();
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static int status(URI uri, SSLContext tls) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        if (tls != null) {
            ((HttpsURLConnection) connection).setSSLSocketFactory(tls.getSocketFactory());
        }
        connection.setRequestProperty("Connection", "close");
        try {
            int status = connection.getResponseCode();
            try (InputStream in = connection.getInputStream()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("\"status\":\"UP\"");
            }
            return status;
        } finally {
            connection.disconnect();
        }
    }

    @Test
    void sandbox_printsOneLinePerService_servesThem_andStopsOnInterrupt() throws Exception {
        try (Running running = new Running("sandbox")) {
            List<String> lines = running.awaitServices();
            assertThat(lines).hasSizeGreaterThanOrEqualTo(BuiltInServices.create().size());
            for (String line : lines) {
                assertThat(line).matches("[a-z][a-z0-9-]* [a-z]+://127\\.0\\.0\\.1:\\d+(/[a-z0-9-]+)?");
            }
            assertThat(lines).anySatisfy(l -> assertThat(l).matches("einvoice-portal smtp://127\\.0\\.0\\.1:\\d+"));
            assertThat(lines).anySatisfy(l -> assertThat(l).matches("directory http://127\\.0\\.0\\.1:\\d+/directory"));
            assertThat(lines.stream().filter(l -> l.startsWith("osci")).toList())
                    .singleElement().asString().matches("osci-intermediary http://127\\.0\\.0\\.1:\\d+/osci");
            String healthLine = lines.stream().filter(l -> l.startsWith("health ")).findFirst().orElseThrow();
            URI health = URI.create(healthLine.substring("health ".length()));
            assertThat(health.getScheme()).isEqualTo("http");
            assertThat(status(health, null)).isEqualTo(200);

            assertThat(running.stop()).isZero();
            assertThatThrownBy(() -> status(health, null)).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void sandbox_withTls_writesTheCaCertificateAndServesHttps(@TempDir Path dir) throws Exception {
        Path ca = dir.resolve("ca.pem");
        try (Running running = new Running("sandbox", "--tls", "--ca-cert", ca.toString())) {
            List<String> lines = running.awaitServices();
            assertThat(running.errLines.toString()).contains("trust the CA certificate in " + ca.toAbsolutePath());
            URI health = URI.create(lines.stream().filter(l -> l.startsWith("health ")).findFirst().orElseThrow()
                    .substring("health ".length()));
            assertThat(health.getScheme()).isEqualTo("https");

            X509Certificate caCert;
            try (InputStream in = Files.newInputStream(ca)) {
                caCert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", caCert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            assertThat(status(health, context)).isEqualTo(200);
            assertThat(running.stop()).isZero();
        }
    }

    @Test
    void sandbox_onATakenPort_failsWithOneLine() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();
            Run run = Run.of("sandbox", "--port", Integer.toString(port));
            assertThat(run.code()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEqualTo("ozgkit sandbox: cannot listen on 127.0.0.1:" + port
                    + " because the port is in use; choose another port or 0 for a free one\n");
        }
    }

    @Test
    void sandbox_withBadOptions_isAUsageError() {
        Run port = Run.of("sandbox", "--port", "70000");
        assertThat(port.code()).isEqualTo(2);
        assertThat(port.err()).isEqualTo("ozgkit sandbox: --port must be 0..65535 (0 for a free one), was 70000 "
                + "(see 'ozgkit sandbox --help')\n");

        Run notANumber = Run.of("sandbox", "--port", "eighty");
        assertThat(notANumber.code()).isEqualTo(2);
        assertThat(notANumber.err().lines()).hasSize(1);
        assertThat(notANumber.err()).isEqualTo("ozgkit sandbox: --port must be a whole number, was 'eighty'"
                + " (see 'ozgkit sandbox --help')\n");

        Run caWithoutTls = Run.of("sandbox", "--ca-cert", "ca.pem");
        assertThat(caWithoutTls.code()).isEqualTo(2);
        assertThat(caWithoutTls.err()).isEqualTo("ozgkit sandbox: --ca-cert needs --tls (see 'ozgkit sandbox --help')\n");
    }
}
