package de.ozgkit.core.internal;

import de.ozgkit.core.OzgClientException;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes URI path segments (RFC 3986 unreserved characters pass unchanged). Segments that
 * are empty or consist of dots only are refused: {@code .} and {@code ..} are path steps, not names
 * (RFC 3986 section 5.2.4), and even percent-encoded ({@code %2E%2E}) some servers normalise them
 * back into steps.
 */
public final class PathSegments {

    private PathSegments() {
    }

    /**
     * Encodes one path segment; {@code /}, {@code ?}, {@code #}, {@code %} and everything outside the
     * unreserved set are percent-encoded.
     *
     * @param segment the raw segment
     * @return the encoded segment
     * @throws OzgClientException of kind INVALID_ARGUMENT for an empty segment or one of dots only
     */
    public static String encode(String segment) {
        if (dotsOnly(segment)) {
            throw OzgClientException.invalidArgument("the path segment " + (segment.isEmpty() ? "\"\" (empty)"
                    : "\"" + segment + "\"") + " cannot be sent: it would change the request path instead of naming a"
                    + " resource; check the id");
        }
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

    /** Whether a segment is empty or dots only, a path step rather than a name. */
    private static boolean dotsOnly(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            if (segment.charAt(i) != '.') {
                return false;
            }
        }
        return true;
    }
}
