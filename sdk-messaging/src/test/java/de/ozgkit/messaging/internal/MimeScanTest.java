package de.ozgkit.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.activation.DataSource;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-pass delimiter scan finds the same parts as Jakarta Mail's own multipart parser, for
 * bodies built to be awkward: delimiters across the scan window's edge, bare LF and CRLF, transport
 * padding, look-alike lines ({@code --boundaryX}, a delimiter not at a line start, one cut short),
 * a preamble and an epilogue, empty parts, a missing close delimiter, binary content full of line
 * breaks and dashes.
 */
class MimeScanTest {

    private static final String B = "MIME_boundary_x/Y+z";

    @Test
    void awkwardBodies_splitAsJakartaMailSplitsThem() throws Exception {
        Random random = new Random(7);
        for (int round = 0; round < 60; round++) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (random.nextBoolean()) {
                body.writeBytes(latin1("preamble\r\n--" + B + "X\r\n"));
            }
            int parts = 1 + random.nextInt(5);
            for (int i = 0; i < parts; i++) {
                String eol = random.nextInt(4) == 0 ? "\n" : "\r\n";
                String padding = random.nextInt(4) == 0 ? " \t " : "";
                body.writeBytes(latin1((i == 0 && body.size() == 0 ? "" : eol) + "--" + B + padding + eol
                        + "Content-ID: <p" + i + ">" + eol + eol));
                body.writeBytes(content(random, round));
            }
            if (random.nextInt(5) > 0) {
                body.writeBytes(latin1("\r\n--" + B + "--\r\nepilogue\r\n--" + B + "\r\n"));
            }
            compare(body.toByteArray(), parts);
        }
    }

    @Test
    void delimiterAtEveryOffsetAroundTheWindowEdge_isFound() throws Exception {
        byte[] delimiter = latin1("\r\n--" + B + "\r\nContent-ID: <second>\r\n\r\nend\r\n--" + B + "--\r\n");
        byte[] head = latin1("--" + B + "\r\nContent-ID: <first>\r\n\r\n");
        for (int edge = (1 << 20) - delimiter.length - 4; edge <= (1 << 20) + 4; edge++) {
            byte[] body = new byte[edge + delimiter.length];
            java.util.Arrays.fill(body, (byte) '-');
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(delimiter, 0, body, edge, delimiter.length);
            compare(body, 2);
        }
    }

    @Test
    void moreDelimitersThanAllowed_areRefusedWithoutReadingFurther() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append("--").append(B).append("\r\nContent-ID: <p").append(i).append(">\r\n\r\nx\r\n");
        }
        assertThatThrownBy(() -> MimeScan.scan(new SharedByteArrayInputStream(latin1(sb.toString())), B, 10))
                .isInstanceOf(MimeScan.TooManyParts.class);
    }

    /** Content with line breaks, dashes and boundary prefixes that are not delimiters. */
    private static byte[] content(Random random, int round) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pieces = random.nextInt(8);
        for (int i = 0; i < pieces; i++) {
            switch (random.nextInt(6)) {
                case 0 -> out.writeBytes(latin1("\r\n--" + B.substring(0, random.nextInt(B.length()))));
                case 1 -> out.writeBytes(latin1("\r\n--" + B + "X"));
                case 2 -> out.writeBytes(latin1("x--" + B + "\r\n"));
                case 3 -> out.writeBytes(latin1("\r\n-\r\n--\n\r"));
                default -> {
                    byte[] b = new byte[random.nextInt(round % 10 == 9 ? 3 << 20 : 300)];
                    random.nextBytes(b);
                    out.writeBytes(b);
                }
            }
        }
        return out.toByteArray();
    }

    private static void compare(byte[] body, int expected) throws Exception {
        MimeMultipart jakarta = new MimeMultipart(new DataSource() {
            @Override
            public InputStream getInputStream() {
                return new SharedByteArrayInputStream(body);
            }

            @Override
            public OutputStream getOutputStream() throws IOException {
                throw new IOException("read-only");
            }

            @Override
            public String getContentType() {
                return "multipart/related; boundary=\"" + B + "\"";
            }

            @Override
            public String getName() {
                return "test";
            }
        });
        SharedByteArrayInputStream shared = new SharedByteArrayInputStream(body);
        MimeScan.Result found = MimeScan.scan(shared.newStream(0, -1), B, 1000);
        List<String> ours = new ArrayList<>();
        for (MimeScan.Range r : found.parts()) {
            MimeBodyPart p = new MimeBodyPart(shared.newStream(r.start(), r.end()));
            ours.add(p.getContentID() + ":" + hex(p.getRawInputStream().readAllBytes()));
        }
        List<String> theirs = new ArrayList<>();
        for (int i = 0; i < jakarta.getCount(); i++) {
            MimeBodyPart p = (MimeBodyPart) jakarta.getBodyPart(i);
            theirs.add(p.getContentID() + ":" + hex(p.getRawInputStream().readAllBytes()));
        }
        assertThat(ours).hasSize(expected).isEqualTo(theirs);
        assertThat(found.closed()).isEqualTo(jakarta.isComplete());
    }

    private static String hex(byte[] b) {
        return b.length + "/" + java.util.Arrays.hashCode(b);
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
