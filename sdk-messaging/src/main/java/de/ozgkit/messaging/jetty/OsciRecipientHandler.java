package de.ozgkit.messaging.jetty;

import de.ozgkit.messaging.PassiveRecipient;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A Jetty 12 handler (core API, no servlets) that serves a {@link PassiveRecipient}: every POST is
 * an OSCI message from the intermediary, answered with the recipient's signed answer; other methods
 * get 405. The request body streams into the recipient's buffer (memory up to 1 MiB, then a
 * temporary file), the answer streams back with its length declared.
 *
 * <pre>{@code
 * Server server = new Server(8443);
 * ContextHandler osci = new ContextHandler(new OsciRecipientHandler(recipient), "/osci-recipient");
 * server.setHandler(osci);
 * server.start();
 * }</pre>
 *
 * <p>Blocks while it reads and answers; thread-safe.
 */
public final class OsciRecipientHandler extends Handler.Abstract {

    private final PassiveRecipient recipient;

    /**
     * @param recipient the recipient that checks and answers the messages
     */
    public OsciRecipientHandler(PassiveRecipient recipient) {
        super(InvocationType.BLOCKING);
        this.recipient = Objects.requireNonNull(recipient, "recipient");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!HttpMethod.POST.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        try (InputStream in = Content.Source.asInputStream(request);
             PassiveRecipient.Answer a = recipient.handle(in, request.getHeaders().get(HttpHeader.CONTENT_TYPE))) {
            response.setStatus(a.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, a.contentType());
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, a.length());
            try (OutputStream out = Content.Sink.asOutputStream(response)) {
                a.writeTo(out);
            }
        }
        callback.succeeded();
        return true;
    }
}
