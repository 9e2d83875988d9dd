package de.ozgkit.core.internal;

import de.ozgkit.core.http.Headers;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Copy-free access to the message classes of {@code de.ozgkit.core.http} for ozgkit's own
 * transport and clients. The public API of those classes copies bodies in and out to stay
 * immutable; inside ozgkit, where a body array is created once and never changed afterwards, the
 * copies are waste. Callers must not modify an array they hand over or receive here.
 *
 * <p>The implementation lives in {@code de.ozgkit.core.http} and is installed when
 * {@link HttpResponse} is initialised (the pattern of the JDK's shared secrets).
 */
public final class HttpMessages {

    /** What {@code de.ozgkit.core.http} provides; implemented there, package-private. */
    public interface Access {
        /**
         * @param status  the status
         * @param headers the headers
         * @param body    the body, owned by the response from now on
         * @return the response
         */
        HttpResponse newResponse(int status, Headers headers, byte[] body);

        /**
         * @param response a response
         * @return its body array itself (do not modify)
         */
        byte[] body(HttpResponse response);

        /**
         * @param request a request
         * @return its body array itself (do not modify), {@code null} when it has none
         */
        byte[] body(HttpRequest request);

        /**
         * @param builder     a request builder
         * @param contentType the content type
         * @param body        the body, owned by the request from now on
         * @return the builder
         */
        HttpRequest.Builder body(HttpRequest.Builder builder, String contentType, byte[] body);

        /**
         * @param namesAndValues name, value, name, value ... as received from a parser that already
         *                       checked the syntax
         * @return the headers
         */
        Headers headers(List<String> namesAndValues);

        /**
         * @param headers the headers
         * @param action  called with each name (as first added) and value, in order
         */
        void forEach(Headers headers, BiConsumer<String, String> action);
    }

    private static volatile Access access;

    private HttpMessages() {
    }

    /**
     * Installs the implementation; called once by {@code de.ozgkit.core.http}.
     *
     * @param implementation the implementation
     * @throws IllegalStateException when called twice or from elsewhere
     */
    public static void install(Access implementation) {
        Class<?> c = implementation.getClass();
        if (c.getModule() != HttpMessages.class.getModule() || !c.getPackageName().equals("de.ozgkit.core.http")) {
            throw new IllegalStateException("only de.ozgkit.core.http installs the message access");
        }
        synchronized (HttpMessages.class) {
            if (access != null) {
                throw new IllegalStateException("message access already installed");
            }
            access = implementation;
        }
    }

    /** @return the implementation, initialising the message classes first if needed */
    public static Access access() {
        Access a = access;
        if (a == null) {
            try {
                Class.forName(HttpResponse.class.getName(), true, HttpMessages.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            a = access;
        }
        return a;
    }
}
