package de.ozgkit.core.http;

import de.ozgkit.core.internal.HttpMessages;
import java.util.List;
import java.util.function.BiConsumer;

/** The copy-free access of {@link HttpMessages}, installed by {@link HttpResponse}. */
final class MessageAccess implements HttpMessages.Access {

    @Override
    public HttpResponse newResponse(int status, Headers headers, byte[] body) {
        return new HttpResponse(status, headers, body, false);
    }

    @Override
    public byte[] body(HttpResponse response) {
        return response.rawBody();
    }

    @Override
    public byte[] body(HttpRequest request) {
        return request.rawBody();
    }

    @Override
    public HttpRequest.Builder body(HttpRequest.Builder builder, String contentType, byte[] body) {
        return builder.ownedBody(contentType, body);
    }

    @Override
    public Headers headers(List<String> namesAndValues) {
        return Headers.trusted(namesAndValues);
    }

    @Override
    public void forEach(Headers headers, BiConsumer<String, String> action) {
        headers.forEachField(action);
    }
}
