package de.ozgkit.sandbox.osci;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The interoperability tests against the OSCI library (package {@code peer}) compile only when the
 * library lies in {@code ../shared}. This test makes its absence visible: it skips with a message
 * outside CI and fails under {@code CI=true}.
 */
class OsciPeerPresenceTest {

    @Test
    void peerLibrary_isPresentBesideTheRepository() {
        Path peer = SharedData.require("interop/osci-bibliothek-2.4.1");
        assertThat(Files.isRegularFile(peer.resolve("lib/osci-bibliothek.jar"))).isTrue();
        assertThat(Files.isDirectory(peer.resolve("schema"))).isTrue();
    }
}
