package de.ozgkit.sandbox.payment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An XBezahldienste error answer of the simulated provider: HTTP status and an
 * {@code application/problem+json} body with {@code functionalCode}.
 *
 * <p>Title and detail are kept inside the standard's own patterns for problem members
 * ({@code title}: {@code ^[\w\d\s\.-]+$}, at most 250 characters; {@code detail}:
 * {@code ^[\w\d\s-,\.\u00C0-\u017F]+$}, at most 2000 characters), so the sandbox's answers are
 * themselves valid under the standard.
 */
final class ProviderProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String functionalCode;
    private final String title;
    private final String detail;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    ProviderProblem(int status, String functionalCode, String detail) {
        super(status + " " + functionalCode + " " + detail, null, false, false);
        this.status = status;
        this.functionalCode = functionalCode;
        this.title = titleFor(status);
        this.detail = conform(detail, 2000);
    }

    static ProviderProblem validation(String detail) {
        return new ProviderProblem(400, "VALIDATION_ERROR", detail);
    }

    ProviderProblem with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    int status() {
        return status;
    }

    String functionalCode() {
        return functionalCode;
    }

    String title() {
        return title;
    }

    String detail() {
        return detail;
    }

    Map<String, Object> extensions() {
        return extensions;
    }

    static String titleFor(int status) {
        switch (status) {
            case 200:
                return "OK";
            case 400:
                return "Bad Request";
            case 401:
                return "Unauthorized";
            case 403:
                return "Forbidden";
            case 404:
                return "Not Found";
            case 405:
                return "Method Not Allowed";
            case 409:
                return "Conflict";
            case 413:
                return "Content Too Large";
            case 415:
                return "Unsupported Media Type";
            case 503:
                return "Service Unavailable";
            default:
                return status >= 500 ? "Internal Server Error" : "Error";
        }
    }

    /**
     * Replaces every character outside the standard's detail pattern by a space and shortens to the
     * limit, so that no answer breaks the standard whatever text went into it.
     */
    static String conform(String text, int max) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && sb.length() < max; i++) {
            char c = text.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
                    || c == ' ' || c == '-' || c == ',' || c == '.' || c >= '\u00C0' && c <= '\u017F';
            sb.append(ok ? c : ' ');
        }
        String s = sb.toString().replaceAll(" {2,}", " ").trim();
        return s.isEmpty() ? "Error" : s;
    }
}
