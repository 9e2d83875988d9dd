package de.ozgkit.sandbox.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/** The simulator's Jetty handler on a bare Jetty server, as it will be mounted by Jetty routing. */
class DirectoryHandlerTest {

    @Test
    void handler_servesTheApiBelowItsBasePathOnly() throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        DirectoryApi api = new DirectoryApi(DirectoryFixture.builtIn(), "http://127.0.0.1", false);
        server.setHandler(new DirectoryHandler(api, "/directory"));
        server.start();
        try {
            String root = "http://127.0.0.1:" + connector.getLocalPort();
            RawHttp.Answer a = RawHttp.get(root + "/directory/v3/locations?q=Koblenz", "pvog-sud-api-client-id", "h");
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.json().get(0).get("ars").textValue()).isEqualTo("071110000000");
            assertThat(RawHttp.get(root + "/directory/v6/servicedescriptions/RP.LB.3003/detail?ars=072110000000")
                    .json().get("name").textValue()).isEqualTo("Hundesteuer Anmeldung");
            assertThat(RawHttp.get(root + "/other/v3/locations?q=Koblenz").status()).isEqualTo(404);
            assertThat(api.clientIdsSeen()).containsExactly("h");
        } finally {
            server.stop();
        }
    }
}
