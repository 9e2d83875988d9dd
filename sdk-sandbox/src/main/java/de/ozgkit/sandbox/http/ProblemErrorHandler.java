package de.ozgkit.sandbox.http;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.QuietException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's {@link ErrorHandler} answering every error as {@code application/problem+json}
 * (RFC 9457), whatever the request's method and {@code Accept} header. It is the sandbox's
 * default for every service and for what fails before routing (unknown service, broken URI
 * encoding, oversized headers).
 *
 * <p>Errors reach it through Jetty: {@link Response#writeError} (the 404 of an unknown path under a
 * service, the 405 of {@link MethodHandler}, the 413 of the body limit), an
 * {@link org.eclipse.jetty.http.HttpException.RuntimeException} thrown by a handler (the 400 and 415 of {@link Requests}),
 * or any other exception (500). The detail is the error's reason for 4xx; for 5xx it names only
 * the exception type, never its message.
 *
 * <p>A service with its own error shape subclasses it and overrides
 * {@link #writeProblem(Request, Response, Callback, int, String)}, then installs it with
 * {@code SandboxContext.errorHandler(...)}:
 *
 * <pre>{@code
 * context.errorHandler(new ProblemErrorHandler() {
 *     @Override
 *     protected void writeProblem(Request request, Response response, Callback callback, int status, String detail) {
 *         Responses.problem(response, callback, status, HttpStatus.getMessage(status), detail,
 *                 Map.of("functionalCode", status == 404 ? "UNSPECIFIED" : "VALIDATION_ERROR"));
 *     }
 * });
 * }</pre>
 *
 * <p>Thread-safe.
 */
public class ProblemErrorHandler extends ErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorHandler.class);

    /** Creates the handler. */
    public ProblemErrorHandler() {
        setCacheControl(null);
    }

    /** Answers errors of every method, not only GET, POST and HEAD as Jetty's default does. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        int status = code >= 400 && code <= 599 ? code : 500;
        String detail;
        if (status < 500) {
            detail = message == null || message.isBlank() ? HttpStatus.getMessage(status)
                    : message.replace('\r', ' ').replace('\n', ' ');
        } else if (cause != null && !(cause instanceof QuietException)) {
            // a handler's failure; Jetty's own (HttpException, EofException of a reset connection) are quiet
            LOG.warn("sandbox handler failed on {} {}", request.getMethod(), request.getHttpURI().getPath(), cause);
            detail = "the sandbox service at " + Request.getContextPath(request) + " failed: " + cause.getClass().getSimpleName();
        } else {
            detail = "the sandbox could not process the request (" + status + " " + HttpStatus.getMessage(status) + ")";
        }
        writeProblem(request, response, callback, status, detail);
    }

    /**
     * Writes the error answer. The default writes a problem detail of type {@code about:blank}
     * with the status's reason phrase as title.
     *
     * @param request  the request that failed
     * @param response the response, status already set, headers such as {@code Allow} kept
     * @param callback complete it when the answer is written
     * @param status   the HTTP status, 400..599
     * @param detail   what went wrong, one line, without internal details
     */
    protected void writeProblem(Request request, Response response, Callback callback, int status, String detail) {
        Responses.problem(response, callback, status, HttpStatus.getMessage(status), detail);
    }
}
