package de.ozgkit.sandbox;

import de.ozgkit.sandbox.http.MethodHandler;
import de.ozgkit.sandbox.http.Responses;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sandbox's own health endpoint: {@code GET /health} answers {@code 200} with
 * {@code {"status":"UP","time":"<ISO instant>"}}. Tools use it to see that the sandbox is up.
 */
public final class HealthService implements SandboxService {

    /** The service name and base path segment. */
    public static final String NAME = "health";

    /** Creates the service. */
    public HealthService() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void mount(SandboxContext context) {
        context.routes().addMapping(new UriTemplatePathSpec("/"), new MethodHandler().get((request, response, callback) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "UP");
            body.put("time", context.clock().instant().toString());
            Responses.json(response, callback, 200, body);
            return true;
        }));
    }
}
