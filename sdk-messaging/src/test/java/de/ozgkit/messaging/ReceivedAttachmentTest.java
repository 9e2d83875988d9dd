package de.ozgkit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceivedAttachmentTest {

    private static final byte[] BYTES = {0, 1, (byte) 0xff, '\r', '\n', 0x1a, (byte) 0xe1, (byte) 0xba, (byte) 0x9e};

    @Test
    void copyTo_writesTheBytesUnchanged_andReplacesAnExistingFile(@TempDir Path dir) throws Exception {
        ReceivedAttachment a = new ReceivedAttachment("att-1", "application/octet-stream", BYTES.length,
                () -> new ByteArrayInputStream(BYTES));
        Path target = dir.resolve("out.bin");
        Files.writeString(target, "old content that is longer than the attachment");
        a.copyTo(target);
        assertThat(Files.readAllBytes(target)).isEqualTo(BYTES);
    }

    @Test
    void copyTo_aFolderThatDoesNotExist_isALocalStorageError_namingTheAttachment(@TempDir Path dir) {
        ReceivedAttachment a = new ReceivedAttachment("att-1", "application/octet-stream", BYTES.length,
                () -> new ByteArrayInputStream(BYTES));
        assertThatThrownBy(() -> a.copyTo(dir.resolve("missing").resolve("out.bin")))
                .isInstanceOfSatisfying(OsciException.class, e -> assertThat(e.check()).isEqualTo(OsciCheck.LOCAL_STORAGE))
                .hasMessageContaining("att-1").hasMessageContaining("out.bin");
    }
}
