package de.ozgkit.sandbox.fitconnect;

import de.ozgkit.sandbox.http.ProblemErrorHandler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The simulated submission service's answers for what its routes do not answer themselves (unknown
 * paths, oversized or unreadable bodies, failures): problem details with the submission API's type
 * URIs, like every other error answer of the service.
 */
final class FitConnectErrorHandler extends ProblemErrorHandler {

    @Override
    protected void writeProblem(Request request, Response response, Callback callback, int status, String detail) {
        String name = switch (status) {
            case 400 -> "invalid-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-server-error" : "invalid-request";
        };
        FitConnectHandler.problem(response, new ApiProblem(status, name, org.eclipse.jetty.http.HttpStatus.getMessage(status),
                detail == null ? "" : detail.replace('\r', ' ').replace('\n', ' ')));
        callback.succeeded();
    }
}
