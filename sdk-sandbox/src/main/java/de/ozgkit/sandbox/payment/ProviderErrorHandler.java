package de.ozgkit.sandbox.payment;

import de.ozgkit.sandbox.http.ProblemErrorHandler;
import de.ozgkit.sandbox.http.Responses;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The simulated provider's error answers for what its routes do not answer themselves (unknown
 * paths, wrong methods, oversized or unreadable bodies, failures): XBezahldienste problem details
 * with a {@code functionalCode}, title and detail inside the standard's patterns, like every other
 * answer of the provider.
 */
final class ProviderErrorHandler extends ProblemErrorHandler {

    @Override
    protected void writeProblem(Request request, Response response, Callback callback, int status, String detail) {
        ProviderProblem problem = new ProviderProblem(status, functionalCode(status), detail);
        Responses.bytes(response, callback, status, Responses.APPLICATION_PROBLEM_JSON,
                ProviderEngine.bytes(ProviderEngine.problemJson(problem)));
    }

    static String functionalCode(int status) {
        return switch (status) {
            case 400, 413, 415 -> "VALIDATION_ERROR";
            case 401, 403 -> "FORBIDDEN";
            default -> "UNSPECIFIED";
        };
    }
}
