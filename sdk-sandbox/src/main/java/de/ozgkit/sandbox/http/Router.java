package de.ozgkit.sandbox.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Routes of one simulator: HTTP method plus path template, relative to the service's base path.
 *
 * <p>Templates consist of literal segments and parameter segments in braces, e.g.
 * {@code /paymenttransaction/{originatorId}/{endPointId}/{transactionId}}; a parameter matches
 * exactly one non-empty path segment. {@code /} is the service's base path itself. When several
 * templates match a path, the one with a literal segment at the first differing position wins
 * ({@code /payments/new} before {@code /payments/{id}}).
 *
 * <pre>{@code
 * router.get("/payments/{id}", request -> Reply.json(store.get(request.pathParam("id"))))
 *       .post("/payments", request -> Reply.json(201, store.create(request.json(NewPayment.class))));
 * }</pre>
 *
 * <p>Thread-safe: routes may be added while requests are served.
 */
public final class Router {

    private static final Pattern METHOD = Pattern.compile("[A-Z]+");
    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    /** Creates an empty router. */
    public Router() {
    }

    /**
     * Adds a {@code GET} route.
     *
     * @param template the path template, e.g. {@code /payments/{id}}
     * @param handler  the handler
     * @return this router
     */
    public Router get(String template, RouteHandler handler) {
        return route("GET", template, handler);
    }

    /**
     * Adds a {@code POST} route.
     *
     * @param template the path template
     * @param handler  the handler
     * @return this router
     */
    public Router post(String template, RouteHandler handler) {
        return route("POST", template, handler);
    }

    /**
     * Adds a {@code PUT} route.
     *
     * @param template the path template
     * @param handler  the handler
     * @return this router
     */
    public Router put(String template, RouteHandler handler) {
        return route("PUT", template, handler);
    }

    /**
     * Adds a {@code DELETE} route.
     *
     * @param template the path template
     * @param handler  the handler
     * @return this router
     */
    public Router delete(String template, RouteHandler handler) {
        return route("DELETE", template, handler);
    }

    /**
     * Adds a route.
     *
     * @param method   the HTTP method, upper case
     * @param template the path template, starting with {@code /}
     * @param handler  the handler
     * @return this router
     * @throws IllegalArgumentException if the method or template is malformed, or the same method
     *                                  and template are already routed
     */
    public Router route(String method, String template, RouteHandler handler) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(handler, "handler");
        if (!METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("method must be upper-case letters such as GET or POST, was \"" + method + "\"");
        }
        Route route = new Route(method, parse(template), template, handler);
        synchronized (routes) {
            for (Route existing : routes) {
                if (existing.method.equals(method) && existing.shape().equals(route.shape())) {
                    throw new IllegalArgumentException(method + " " + template + " clashes with the route "
                            + existing.method + " " + existing.template + "; remove one of them");
                }
            }
            routes.add(route);
        }
        return this;
    }

    /** @return whether no route was added */
    public boolean isEmpty() {
        return routes.isEmpty();
    }

    /** @return the routes as {@code "METHOD template"} strings in the order they were added */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (Route r : routes) {
            out.add(r.method + " " + r.template);
        }
        return out;
    }

    /**
     * Finds the route for a request.
     *
     * @param method the HTTP method
     * @param path   the decoded path relative to the base path, starting with {@code /}
     * @return the handler with its template and path parameters; empty when no route matches
     *         method and path (see {@link #allowedMethods(String)} to tell 404 from 405)
     */
    public Optional<Match> find(String method, String path) {
        List<String> segments = split(path);
        Route best = null;
        for (Route r : routes) {
            if (r.method.equals(method.toUpperCase(Locale.ROOT)) && r.matches(segments)
                    && (best == null || r.moreSpecificThan(best))) {
                best = r;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < best.segments.size(); i++) {
            Segment s = best.segments.get(i);
            if (s.param != null) {
                params.put(s.param, segments.get(i));
            }
        }
        return Optional.of(new Match(best.template, best.handler, Collections.unmodifiableMap(params)));
    }

    /**
     * Returns the methods routed for a path, for the {@code Allow} header of a 405 answer.
     *
     * @param path the decoded path relative to the base path
     * @return the methods in alphabetical order; empty when no route has this path (404)
     */
    public Set<String> allowedMethods(String path) {
        List<String> segments = split(path);
        Set<String> methods = new TreeSet<>();
        for (Route r : routes) {
            if (r.matches(segments)) {
                methods.add(r.method);
            }
        }
        return methods;
    }

    /**
     * A matched route.
     *
     * @param template   the template that matched
     * @param handler    its handler
     * @param pathParams the decoded path parameters by name
     */
    public record Match(String template, RouteHandler handler, Map<String, String> pathParams) {
    }

    private static List<Segment> parse(String template) {
        Objects.requireNonNull(template, "template");
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("template must start with '/', was \"" + template + "\"");
        }
        List<Segment> out = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        for (String part : split(template)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("template must not contain empty segments: \"" + template + "\"");
            }
            var m = PARAM.matcher(part);
            if (m.matches()) {
                if (!names.add(m.group(1))) {
                    throw new IllegalArgumentException("template uses parameter {" + m.group(1) + "} twice: \"" + template + "\"");
                }
                out.add(new Segment(null, m.group(1)));
            } else if (part.contains("{") || part.contains("}")) {
                throw new IllegalArgumentException("a parameter must fill a whole segment, e.g. /{id}; was \"" + template + "\"");
            } else {
                out.add(new Segment(part, null));
            }
        }
        return List.copyOf(out);
    }

    /** Splits {@code /a/b} into {@code [a, b]}; {@code /} into {@code []}; keeps empty inner segments. */
    private static List<String> split(String path) {
        if (path.isEmpty() || path.equals("/")) {
            return List.of();
        }
        String p = path.startsWith("/") ? path.substring(1) : path;
        return List.of(p.split("/", -1));
    }

    private record Segment(String literal, String param) {
    }

    private record Route(String method, List<Segment> segments, String template, RouteHandler handler) {

        boolean matches(List<String> path) {
            if (path.size() != segments.size()) {
                return false;
            }
            for (int i = 0; i < path.size(); i++) {
                Segment s = segments.get(i);
                String p = path.get(i);
                if (s.literal != null ? !s.literal.equals(p) : p.isEmpty()) {
                    return false;
                }
            }
            return true;
        }

        boolean moreSpecificThan(Route other) {
            for (int i = 0; i < segments.size(); i++) {
                boolean mine = segments.get(i).literal != null;
                boolean theirs = other.segments.get(i).literal != null;
                if (mine != theirs) {
                    return mine;
                }
            }
            return false;
        }

        /** The template with parameter names erased, to detect clashing routes. */
        String shape() {
            StringBuilder sb = new StringBuilder();
            for (Segment s : segments) {
                sb.append('/').append(s.literal != null ? s.literal : "{}");
            }
            return sb.toString();
        }
    }
}
