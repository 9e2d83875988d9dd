package de.ozgkit.core.internal;

import java.nio.charset.StandardCharsets;

/** Percent-encodes URI path segments (RFC 3986 unreserved characters pass unchanged). */
public final class PathSegments {

    private PathSegments() {
    }

    /**
     * Encodes one path segment; {@code /}, {@code ?}, {@code #}, {@code %} and everything outside the
     * unreserved set are percent-encoded.
     *
     * @param segment the raw segment
     * @return the encoded segment
     */
    public static String encode(String segment) {
        StringBuilder sb = new StringBuilder(segment.length() + 8);
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
