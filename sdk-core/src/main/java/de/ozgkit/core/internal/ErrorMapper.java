package de.ozgkit.core.internal;

import de.ozgkit.core.AuthenticationException;
import de.ozgkit.core.ConflictException;
import de.ozgkit.core.InvalidRequestException;
import de.ozgkit.core.NotFoundException;
import de.ozgkit.core.OzgServiceException;
import de.ozgkit.core.PermissionDeniedException;
import de.ozgkit.core.Problem;
import de.ozgkit.core.RateLimitedException;
import de.ozgkit.core.ServerErrorException;
import de.ozgkit.core.ServiceError;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The one place that turns an HTTP error answer into an exception: status and problem body to
 * {@link ServiceError}, then the exception type and the hint, then the message.
 *
 * <p>A service module takes part through a {@link Hook}: it looks at the described answer (status,
 * problem, e.g. an XBezahldienste {@code functionalCode}) and chooses the exception type and the
 * hint before the message is built; for answers it leaves alone, the status decides. The message
 * is always built here, in one form: what failed, what the service said, the request id and the
 * attempts, then the hint.
 *
 * <pre>{@code
 * ErrorMapper.Hook hook = error -> error.problemDetail().flatMap(Problem::functionalCode)
 *         .filter("PAYMENT_EXISTS"::equals)
 *         .map(code -> new ErrorMapper.Choice("Fetch the existing transaction instead.", PaymentExistsException::new));
 * OzgServiceException e = ErrorMapper.toException(request, response, attempts, hook);
 * }</pre>
 */
public final class ErrorMapper {

    /**
     * A service's part of the mapping: chooses the exception type and the hint for an error answer.
     * Implementations must be thread-safe and must not throw.
     */
    @FunctionalInterface
    public interface Hook {
        /**
         * @param error the described error answer
         * @return the exception type and hint, or empty to leave the answer to the status-based mapping
         */
        Optional<Choice> choose(ServiceError error);
    }

    /**
     * What a {@link Hook} chose.
     *
     * @param hint    how to fix it, appended to the message (one or more sentences)
     * @param factory creates the exception from the error and the complete message
     */
    public record Choice(String hint, BiFunction<ServiceError, String, ? extends OzgServiceException> factory) {
        /** Checks the values. */
        public Choice {
            Objects.requireNonNull(hint, "hint");
            Objects.requireNonNull(factory, "factory");
        }
    }

    /** The hook that leaves every answer to the status-based mapping. */
    public static final Hook STATUS_ONLY = error -> Optional.empty();

    /** Header names that carry a request id, in order of preference. */
    public static final String[] REQUEST_ID_HEADERS = {"X-Request-Id", "Request-Id", "X-Correlation-Id"};

    private static final int MAX_TEXT = 300;

    private ErrorMapper() {
    }

    /**
     * Describes an error answer.
     *
     * @param request  the request that failed
     * @param response the error answer
     * @param attempts how many attempts were made
     * @return the error description
     */
    public static ServiceError describe(HttpRequest request, HttpResponse response, int attempts) {
        Problem problem = null;
        Optional<String> media = response.mediaType();
        if (media.isPresent() && media.get().endsWith("json")) {
            problem = ProblemParser.parse(response.body()).orElse(null);
        }
        return new ServiceError(response.status(), problem, requestId(request, response), attempts,
                retryAfter(response).orElse(null), request.method(), request.uri().getRawPath());
    }

    /**
     * Maps an error answer to the exception for its status.
     *
     * @param request  the request that failed
     * @param response the error answer (status 400 or above)
     * @param attempts how many attempts were made
     * @return the exception, not thrown
     */
    public static OzgServiceException toException(HttpRequest request, HttpResponse response, int attempts) {
        return toException(request, response, attempts, STATUS_ONLY);
    }

    /**
     * Maps an error answer to the exception the service's hook chooses, or to the one for its status.
     *
     * @param request  the request that failed
     * @param response the error answer (status 400 or above)
     * @param attempts how many attempts were made
     * @param hook     the service's part of the mapping
     * @return the exception, not thrown
     */
    public static OzgServiceException toException(HttpRequest request, HttpResponse response, int attempts, Hook hook) {
        return toException(describe(request, response, attempts), malformedProblemBody(response), hook);
    }

    /**
     * Maps an error description to the exception for its status.
     *
     * @param error        the error
     * @param malformedBody whether the service sent a problem media type that could not be parsed
     * @return the exception, not thrown
     */
    public static OzgServiceException toException(ServiceError error, boolean malformedBody) {
        return toException(error, malformedBody, STATUS_ONLY);
    }

    /**
     * Maps an error description to the exception the hook chooses, or to the one for its status.
     *
     * @param error         the error
     * @param malformedBody whether the service sent a problem media type that could not be parsed
     * @param hook          the service's part of the mapping
     * @return the exception, not thrown
     */
    public static OzgServiceException toException(ServiceError error, boolean malformedBody, Hook hook) {
        Optional<Choice> choice = hook.choose(error);
        if (choice.isPresent()) {
            return choice.get().factory().apply(error, message(error, malformedBody, choice.get().hint()));
        }
        String message = message(error, malformedBody, hint(error));
        int s = error.status();
        if (s == 400 || s == 422) {
            return new InvalidRequestException(error, message);
        } else if (s == 401) {
            return new AuthenticationException(error, message);
        } else if (s == 403) {
            return new PermissionDeniedException(error, message);
        } else if (s == 404) {
            return new NotFoundException(error, message);
        } else if (s == 409) {
            return new ConflictException(error, message);
        } else if (s == 429) {
            return new RateLimitedException(error, message);
        } else if (s >= 500) {
            return new ServerErrorException(error, message);
        }
        return new OzgServiceException(error, message);
    }

    private static boolean malformedProblemBody(HttpResponse response) {
        return response.mediaType().map(m -> m.equals("application/problem+json")).orElse(false)
                && ProblemParser.parse(response.body()).isEmpty();
    }

    /**
     * Builds the message: what failed, what the service said, how to fix it. It quotes only the
     * problem's title, functional code and (shortened) detail, never request content or headers.
     *
     * @param error         the error
     * @param malformedBody whether the problem body could not be parsed
     * @param hint          how to fix it
     * @return the message
     */
    static String message(ServiceError error, boolean malformedBody, String hint) {
        StringBuilder sb = new StringBuilder();
        sb.append(error.method()).append(' ').append(error.path()).append(" failed with HTTP ").append(error.status());
        Problem p = error.problem();
        if (p != null) {
            if (p.title() != null) {
                sb.append(" ").append(clean(p.title()));
            }
            p.functionalCode().ifPresent(code -> sb.append(" [functionalCode ").append(clean(code)).append(']'));
            if (p.detail() != null) {
                sb.append(": ").append(clean(p.detail()));
            }
        } else if (malformedBody) {
            sb.append(" (the problem+json body could not be parsed)");
        }
        sb.append(" (");
        if (error.requestId() != null) {
            sb.append("request id ").append(clean(error.requestId())).append(", ");
        }
        sb.append(error.attempts()).append(error.attempts() == 1 ? " attempt)" : " attempts)");
        sb.append(". ").append(hint);
        return sb.toString();
    }

    private static String hint(ServiceError error) {
        int s = error.status();
        if (s == 400 || s == 422) {
            return "Fix the request as the service describes; sending it unchanged will fail again.";
        } else if (s == 401) {
            return "Check the credentials (client id and secret, user and password, or client certificate).";
        } else if (s == 403) {
            return "The credentials are not allowed to do this; ask the operator to grant access.";
        } else if (s == 404) {
            return "Check the id and the base URI.";
        } else if (s == 409) {
            return "The request conflicts with what the service already holds (for example a duplicate id).";
        } else if (s == 429) {
            return "The service limits the request rate" + (error.retryAfter() != null
                    ? "; it asked to wait " + error.retryAfter().toSeconds() + " s" : "") + ". Slow down and try again later.";
        } else if (s >= 500) {
            return "The service failed; try again later or contact its operator, quoting the request id.";
        }
        return "See the service's documentation for this status.";
    }

    private static String clean(String text) {
        String t = text.replaceAll("[\\p{Cntrl}]", " ").trim();
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) + "..." : t;
    }

    /**
     * Reads the request id from the response, falling back to the one ozgkit sent.
     *
     * @param request  the request
     * @param response the response
     * @return the request id, or {@code null}
     */
    public static String requestId(HttpRequest request, HttpResponse response) {
        for (String name : REQUEST_ID_HEADERS) {
            Optional<String> v = response.headers().first(name);
            if (v.isPresent() && !v.get().isBlank()) {
                return v.get();
            }
        }
        return request.headers().first(REQUEST_ID_HEADERS[0]).orElse(null);
    }

    /**
     * Parses {@code Retry-After}: delay seconds or an HTTP date (RFC 9110 section 10.2.3).
     *
     * @param response the response
     * @return the wait, empty when absent or unreadable; never negative
     */
    public static Optional<Duration> retryAfter(HttpResponse response) {
        Optional<String> value = response.headers().first("Retry-After").map(String::trim);
        if (value.isEmpty() || value.get().isEmpty()) {
            return Optional.empty();
        }
        String v = value.get();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(Instant.now(), at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
