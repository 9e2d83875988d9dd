package de.ozgkit.sandbox.account;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a simulator's logic answers, independent of the HTTP layer that writes it.
 *
 * @param status      the HTTP status
 * @param contentType the media type
 * @param body        the body
 * @param headers     extra headers
 */
public record Answer(int status, String contentType, byte[] body, Map<String, String> headers) {

    /** Copies the headers. */
    public Answer {
        headers = Map.copyOf(headers);
    }

    /**
     * @param status the status
     * @param html   the page
     * @return an HTML answer
     */
    public static Answer html(int status, String html) {
        return new Answer(status, "text/html;charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /**
     * @param status the status
     * @param contentType the media type
     * @param text   the body
     * @return a text answer
     */
    public static Answer text(int status, String contentType, String text) {
        return new Answer(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /**
     * @param location the Location header value
     * @return a copy with a Location header
     */
    public Answer withLocation(String location) {
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put("Location", location);
        return new Answer(status, contentType, body, h);
    }

    /** @return the body as UTF-8 text */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * HTML-escapes text for element content and attribute values.
     *
     * @param s the text, may be {@code null}
     * @return the escaped text ({@code ""} for {@code null})
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' || c == 0x7F) {
                        sb.append("&#xFFFD;");
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
        });
        return sb.toString();
    }
}
