package de.ozgkit.sandbox.directory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The directory simulator's HTTP surface as a plain Jetty 12 handler: decodes the path below the
 * service's base path, the query parameters and headers, asks {@link DirectoryApi} and writes its
 * answer. Mount it for {@code /<base>/*}.
 */
final class DirectoryHandler extends Handler.Abstract {

    private final DirectoryApi api;
    private final String basePath;

    /**
     * @param api      the protocol logic
     * @param basePath the service's base path, e.g. {@code /directory}; stripped from request paths
     */
    DirectoryHandler(DirectoryApi api, String basePath) {
        super(InvocationType.NON_BLOCKING);
        this.api = api;
        this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = request.getHttpURI().getDecodedPath();
        if (path == null || !(path.equals(basePath) || path.startsWith(basePath + "/"))) {
            return false;
        }
        String below = path.substring(basePath.length());
        Map<String, List<String>> query = new LinkedHashMap<>();
        Fields fields;
        try {
            fields = Request.extractQueryParameters(request);
        } catch (RuntimeException e) {
            write(response, callback, DirectoryApi.problem(400, "Bad Request", "query string is not valid URL encoding"));
            return true;
        }
        for (Fields.Field f : fields) {
            query.put(f.getName(), new ArrayList<>(f.getValues()));
        }
        DirectoryApi.Answer answer = api.handle(request.getMethod(), below.isEmpty() ? "/" : below, query,
                name -> request.getHeaders().get(name));
        write(response, callback, answer);
        return true;
    }

    private static void write(Response response, Callback callback, DirectoryApi.Answer answer) {
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
        response.write(true, ByteBuffer.wrap(answer.body()), callback);
    }
}
