package de.ozgkit.sandbox.fitconnect;

/**
 * An error answer of the simulated submission API, written as {@code application/problem+json} with
 * a type URI under {@code https://schema.fitko.de/fit-connect/submission-api/problems/}.
 */
final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Prefix of the submission API's problem types. */
    static final String PREFIX = "https://schema.fitko.de/fit-connect/submission-api/problems/";

    final int status;
    final String type;
    final String title;

    ApiProblem(int status, String name, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = PREFIX + name;
        this.title = title;
    }

    static ApiProblem notFound(String name, String what) {
        return new ApiProblem(404, name, what.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + what.substring(1)
                + " not found", "no " + what + " with this id");
    }

    static ApiProblem invalid(String detail) {
        return new ApiProblem(400, "invalid-request", "Invalid request", detail);
    }

    static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "Forbidden", detail);
    }

    static ApiProblem conflict(String name, String title, String detail) {
        return new ApiProblem(409, name, title, detail);
    }
}
