package de.ozgkit.sandbox.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits and percent-decodes URI paths (RFC 3986: '+' is a plus sign in paths). */
final class PathCodec {

    private PathCodec() {
    }

    /**
     * Splits a raw (encoded) path into decoded segments; {@code /} gives no segments.
     *
     * @throws IllegalArgumentException if a segment has a broken escape or is not UTF-8
     */
    static List<String> decodedSegments(String rawPath) {
        String p = rawPath == null ? "" : rawPath;
        if (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : p.split("/", -1)) {
            out.add(decode(s, false));
        }
        // a trailing slash is not a segment of its own: /payment/ is /payment
        if (out.size() > 0 && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** Joins segments into {@code /a/b}; no segments give {@code /}. */
    static String join(List<String> segments) {
        return segments.isEmpty() ? "/" : "/" + String.join("/", segments);
    }

    /**
     * Percent-decodes UTF-8 text.
     *
     * @param plusIsSpace whether '+' stands for a space (form and query encoding)
     * @throws IllegalArgumentException on broken escapes or bytes that are not UTF-8
     */
    static String decode(String s, boolean plusIsSpace) {
        if (s.indexOf('%') < 0 && (!plusIsSpace || s.indexOf('+') < 0)) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new IllegalArgumentException("truncated percent escape at position " + (i + 1));
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("invalid percent escape at position " + (i + 1));
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("percent escapes do not decode as UTF-8");
        }
    }
}
