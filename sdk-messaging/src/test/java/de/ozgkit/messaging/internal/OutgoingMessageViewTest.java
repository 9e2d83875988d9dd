package de.ozgkit.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link OutgoingMessage#view} streams the same message as {@link OutgoingMessage#write} without
 * copying the attachments, gives the same bytes on every read, and refuses an attachment whose
 * length differs from the one its part header announces.
 */
class OutgoingMessageViewTest {

    private static final byte[] SOAP = "<soap/>".getBytes(StandardCharsets.UTF_8);

    @Test
    void view_carriesTheSamePartsAsWrite_andTheSameBytesOnEveryRead() throws Exception {
        byte[] binary = new byte[3 << 20];
        new Random(3).nextBytes(binary);
        byte[] hostile = "\r\n--MIME_boundary_\0\u00ff\r\n\u1E9E".getBytes(StandardCharsets.UTF_8);
        OutgoingMessage m = new OutgoingMessage("x.xsd")
                .attachment(new OutgoingMessage.Attachment("big", "application/octet-stream", Spool.of(binary)))
                .attachment(new OutgoingMessage.Attachment("empty", "application/octet-stream", Spool.of(new byte[0])))
                .attachment(new OutgoingMessage.Attachment("hostile", "text/plain", Spool.of(hostile)));
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        m.write(written, SOAP);
        Spool view = m.view(SOAP);
        byte[] first;
        try (InputStream in = view.open()) {
            first = in.readAllBytes();
        }
        try (InputStream in = view.open()) {
            assertThat(in.readAllBytes()).isEqualTo(first);
        }
        assertThat((long) first.length).isEqualTo(view.size()).isEqualTo(written.size());
        assertThat(parts(first)).isEqualTo(parts(written.toByteArray()))
                .containsExactly("osci@message:" + new String(SOAP, StandardCharsets.ISO_8859_1),
                        "big:" + new String(binary, StandardCharsets.ISO_8859_1), "empty:",
                        "hostile:" + new String(hostile, StandardCharsets.ISO_8859_1));
    }

    @Test
    void attachmentShorterOrLongerThanAnnounced_failsTheRead() {
        for (int actual : new int[] {9, 11}) {
            Spool lying = Spool.of(10, () -> new ByteArrayInputStream(new byte[actual]));
            Spool view = new OutgoingMessage("x.xsd").attachment(new OutgoingMessage.Attachment("a", "text/plain", lying)).view(SOAP);
            assertThatThrownBy(() -> {
                try (InputStream in = view.open()) {
                    in.readAllBytes();
                }
            }).isInstanceOf(IOException.class).hasMessageContaining("10 bytes announced");
        }
    }

    private static List<String> parts(byte[] message) throws IOException {
        List<String> out = new ArrayList<>();
        for (MimeIn.Part p : MimeIn.parse(new SharedByteArrayInputStream(message), null, 10)) {
            try (InputStream in = p.open()) {
                out.add(p.contentId() + ":" + new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }
}
