package de.ozgkit.sandbox;

import de.ozgkit.sandbox.http.MethodHandler;
import de.ozgkit.sandbox.http.Responses;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Start, stop, ports, service registration and published endpoints. */
class SandboxLifecycleTest {

    /** A service that only publishes a non-HTTP endpoint and owns a resource, like an SMTP portal. */
    private static final class PublishingService implements SandboxService {
        final List<String> closed;
        final String name;

        PublishingService(String name, List<String> closed) {
            this.name = name;
            this.closed = closed;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void mount(SandboxContext context) {
            context.publish(name, URI.create("smtp://127.0.0.1:2525"));
            context.onClose(() -> closed.add(name + ":first"));
            context.onClose(() -> closed.add(name + ":second"));
        }
    }

    private static SandboxService service(String name, java.util.function.Consumer<SandboxContext> mount) {
        return new SandboxService() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void mount(SandboxContext context) {
                mount.accept(context);
            }
        };
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void close_stopsServingAndFreesThePort() throws IOException {
        Sandbox sandbox = Sandbox.start();
        int port = sandbox.port();
        URI health = sandbox.baseUri("health");
        try (Http http = new Http()) {
            assertThat(http.get(health).status()).isEqualTo(200);
        }
        assertThat(portFree(port)).isFalse();

        sandbox.close();
        sandbox.close();

        assertThat(portFree(port)).isTrue();
        try (Http http = new Http()) {
            assertThatThrownBy(() -> http.get(health)).isInstanceOf(ConnectException.class);
        }
        try (Sandbox again = Sandbox.builder().withBuiltInServices().port(port).start()) {
            assertThat(again.port()).isEqualTo(port);
            assertThat(again.baseUri("health")).isEqualTo(health);
        }
    }

    @Test
    void portInUse_failsWithAClearMessage() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> Sandbox.builder().withBuiltInServices().port(port).start())
                    .isInstanceOf(SandboxException.class)
                    .hasMessageContaining("127.0.0.1:" + port)
                    .hasMessageContaining("in use");
        }
    }

    @Test
    void serviceNames_mustBeWellFormedAndUnique() {
        assertThatThrownBy(() -> Sandbox.builder().service(new HealthService()).service(new HealthService()).start())
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("two services are named \"health\"");
        assertThatThrownBy(() -> Sandbox.builder().service(service("Bad/Name", c -> { })).start())
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("lower-case");
        assertThatThrownBy(() -> Sandbox.builder().port(70000)).isInstanceOf(SandboxException.class)
                .hasMessageContaining("0..65535");
        assertThatThrownBy(() -> Sandbox.builder().maxRequestBytes(0)).isInstanceOf(SandboxException.class)
                .hasMessageContaining("maxRequestBytes must be 1..");
    }

    @Test
    void failingService_stopsTheSandboxAndClosesWhatWasStarted() {
        List<String> closed = new ArrayList<>();
        int[] port = new int[1];
        SandboxService failing = service("broken", c -> {
            port[0] = c.baseUri().getPort();
            throw new IllegalStateException("cannot open the mailbox store");
        });
        assertThatThrownBy(() -> Sandbox.builder().service(new PublishingService("portal", closed)).service(failing).start())
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("\"broken\"")
                .hasMessageContaining("cannot open the mailbox store");
        assertThat(closed).containsExactly("portal:second", "portal:first");
        assertThat(portFree(port[0])).isTrue();
    }

    @Test
    void publishedEndpoints_areListedAndResourcesCloseInReverseOrder() {
        List<String> closed = new ArrayList<>();
        Sandbox sandbox = Sandbox.builder()
                .withBuiltInServices()
                .service(new PublishingService("mail-portal", closed))
                .service(service("web", c -> {
                    c.routes().addMapping(new UriTemplatePathSpec("/"), new MethodHandler().get((request, response, callback) -> {
                        Responses.json(response, callback, 200, "ok");
                        return true;
                    }));
                    c.publish("web-smtp", URI.create("smtp://127.0.0.1:2526"));
                }))
                .start();
        try {
            List<String> expected = new ArrayList<>();
            BuiltInServices.create().forEach(s -> expected.add(s.name()));
            expected.addAll(List.of("mail-portal", "web", "web-smtp"));
            assertThat(List.copyOf(sandbox.services().keySet())).containsExactlyElementsOf(expected);
            assertThat(sandbox.baseUri("mail-portal")).isEqualTo(URI.create("smtp://127.0.0.1:2525"));
            assertThat(sandbox.baseUri("web").getScheme()).isEqualTo("http");
        } finally {
            sandbox.close();
        }
        assertThat(closed).containsExactly("mail-portal:second", "mail-portal:first");
    }

    @Test
    void publish_refusesTakenAndMalformedNames() {
        assertThatThrownBy(() -> Sandbox.builder().withBuiltInServices()
                .service(service("x", c -> c.publish("health", URI.create("smtp://127.0.0.1:1")))).start())
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("already taken");
        assertThatThrownBy(() -> Sandbox.builder()
                .service(service("x", c -> c.publish("SMTP Port", URI.create("smtp://127.0.0.1:1")))).start())
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("lower-case");
    }

    @Test
    void path_differsFromName_andIsUniquePerSandbox() throws IOException {
        SandboxService listed = new SandboxService() {
            @Override
            public String name() {
                return "long-name";
            }

            @Override
            public String path() {
                return "short";
            }

            @Override
            public void mount(SandboxContext context) {
                context.routes().addMapping(new UriTemplatePathSpec("/"), new MethodHandler().get((request, response, callback) -> {
                    Responses.json(response, callback, 200, context.baseUri().toString());
                    return true;
                }));
            }
        };
        try (Sandbox sandbox = Sandbox.builder().service(listed).start(); Http http = new Http()) {
            URI base = sandbox.baseUri("long-name");
            assertThat(base).isEqualTo(URI.create(sandbox.rootUri() + "/short"));
            assertThat(sandbox.services()).containsOnlyKeys("long-name");
            assertThat(http.get(base).text()).contains("/short");
            assertThat(http.get(URI.create(sandbox.rootUri() + "/long-name")).status()).isEqualTo(404);
        }
        assertThatThrownBy(() -> Sandbox.builder().service(listed).service(service("short", c -> { })).start())
                .isInstanceOf(SandboxException.class)
                .hasMessageContaining("/short");
    }

    @Test
    void context_offersClockAndFaultsToServices() throws IOException {
        Clock fixed = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);
        FaultInjector[] seen = new FaultInjector[1];
        try (Sandbox sandbox = Sandbox.builder().clock(fixed).withBuiltInServices()
                .service(service("probe", c -> seen[0] = c.faults())).start();
             Http http = new Http()) {
            assertThat(http.get(sandbox.baseUri("health")).text()).contains("2025-01-02T03:04:05Z");
            assertThat(seen[0]).isSameAs(sandbox.faults());
            assertThat(sandbox.services()).doesNotContainKey("probe");
        }
    }

    @Test
    void resetFault_sendsATcpResetNotAnOrderlyClose() throws IOException {
        try (Sandbox sandbox = Sandbox.start()) {
            sandbox.faults().add(FaultRule.on("GET", "/health").reset());
            try (Socket socket = new Socket("127.0.0.1", sandbox.port())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                assertThatThrownBy(() -> {
                    while (in.read() >= 0) {
                        // an answer or an orderly close would end here without exception
                    }
                }).isInstanceOf(SocketException.class).hasMessageContaining("reset");
            }
        }
    }
}
