package de.ozgkit.sandbox.osci;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import de.ozgkit.core.http.HttpTransport;
import java.io.IOException;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A transport for tests that sees whole bodies: it implements only
 * {@link HttpTransport#execute(HttpRequest)}, so the streaming calls of the OSCI client reach it
 * through the interface's buffering default; it records each request body and may change each
 * answer body before the client reads it.
 */
final class RecordingTransport implements HttpTransport {

    private final HttpTransport real;
    private final List<byte[]> requests;
    private final UnaryOperator<byte[]> answers;

    /**
     * @param config   the settings of the real transport
     * @param requests receives every request body
     * @param answers  changes every answer body
     */
    RecordingTransport(OzgClientConfig config, List<byte[]> requests, UnaryOperator<byte[]> answers) {
        this.real = HttpTransport.create(config);
        this.requests = requests;
        this.answers = answers;
    }

    @Override
    public HttpResponse execute(HttpRequest request) throws IOException {
        requests.add(request.body().orElseThrow());
        HttpResponse r = real.execute(request);
        return new HttpResponse(r.status(), r.headers(), answers.apply(r.body()));
    }

    @Override
    public void close() {
        real.close();
    }
}
