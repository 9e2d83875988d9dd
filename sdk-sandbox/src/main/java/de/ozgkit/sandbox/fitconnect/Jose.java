package de.ozgkit.sandbox.fitconnect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * What the submission service can check of a JWE without being able to read it: five base64url
 * segments, a protected header naming RSA-OAEP-256 and A256GCM, and the authentication tag (the last
 * segment) that the event log records.
 */
final class Jose {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Jose() {
    }

    static boolean isB64(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    /** Checks a compact JWE given as text; returns its tag. */
    static String checkCompact(String jwe, String what) {
        String[] parts = jwe.split("\\.", -1);
        if (parts.length != 5) {
            throw ApiProblem.invalid(what + " is not a compact JWE (it has " + parts.length + " segments, not five)");
        }
        for (String p : parts) {
            for (int i = 0; i < p.length(); i++) {
                if (!isB64(p.charAt(i))) {
                    throw ApiProblem.invalid(what + " has a character outside base64url");
                }
            }
        }
        checkHeader(parts[0], what);
        return parts[4];
    }

    static void checkHeader(String headerB64, String what) {
        JsonNode header;
        try {
            header = JSON.readTree(Base64.getUrlDecoder().decode(headerB64));
        } catch (IOException | IllegalArgumentException e) {
            throw ApiProblem.invalid(what + " has a protected header that is not base64url JSON");
        }
        if (header == null || !"RSA-OAEP-256".equals(header.path("alg").asText())
                || !"A256GCM".equals(header.path("enc").asText())) {
            throw ApiProblem.invalid(what + " must be encrypted with alg RSA-OAEP-256 and enc A256GCM");
        }
    }

    /**
     * Copies a streamed JWE into a file, checking its structure on the way; returns its tag.
     *
     * @param in    the request body
     * @param file  the target file
     * @param limit the most bytes accepted
     */
    static String copyCompact(InputStream in, Path file, long limit) throws IOException {
        byte[] buf = new byte[64 * 1024];
        StringBuilder header = new StringBuilder();
        StringBuilder tag = new StringBuilder();
        int dots = 0;
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > limit) {
                    throw new ApiProblem(413, "payload-too-large", "Payload too large",
                            "the attachment exceeds the limit of " + limit + " bytes");
                }
                for (int i = 0; i < n; i++) {
                    int c = buf[i];
                    if (c == '.') {
                        if (++dots > 4) {
                            throw ApiProblem.invalid("the attachment is not a compact JWE (more than five segments)");
                        }
                    } else if (!isB64(c)) {
                        throw ApiProblem.invalid("the attachment has a character outside base64url");
                    } else if (dots == 0) {
                        if (header.length() > 8192) {
                            throw ApiProblem.invalid("the attachment's JWE header is too long");
                        }
                        header.append((char) c);
                    } else if (dots == 4) {
                        if (tag.length() > 64) {
                            throw ApiProblem.invalid("the attachment's JWE tag is too long");
                        }
                        tag.append((char) c);
                    }
                }
                out.write(buf, 0, n);
            }
        }
        if (dots != 4) {
            throw ApiProblem.invalid("the attachment is not a compact JWE (" + (dots + 1) + " segments)");
        }
        checkHeader(header.toString(), "the attachment");
        return tag.toString();
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
