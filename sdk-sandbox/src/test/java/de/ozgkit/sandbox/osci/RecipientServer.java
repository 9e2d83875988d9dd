package de.ozgkit.sandbox.osci;

import de.ozgkit.messaging.PassiveRecipient;
import de.ozgkit.messaging.jetty.OsciRecipientHandler;
import java.net.URI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;

/** A vendor's Jetty 12 server on loopback with a passive recipient mounted at {@code /osci-recipient}. */
public final class RecipientServer implements AutoCloseable {

    private final Server server;
    private final URI uri;

    private RecipientServer(Server server, URI uri) {
        this.server = server;
        this.uri = uri;
    }

    public static RecipientServer start(PassiveRecipient recipient) {
        return start(new OsciRecipientHandler(recipient));
    }

    public static RecipientServer start(Handler handler) {
        Server server = new Server();
        ServerConnector c = new ServerConnector(server);
        c.setHost("127.0.0.1");
        c.setPort(0);
        server.addConnector(c);
        ContextHandler context = new ContextHandler(handler, "/osci-recipient");
        context.setAllowNullPathInContext(true);
        server.setHandler(context);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the recipient's server does not start", e);
        }
        return new RecipientServer(server, URI.create("http://127.0.0.1:" + c.getLocalPort() + "/osci-recipient"));
    }

    public URI uri() {
        return uri;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
