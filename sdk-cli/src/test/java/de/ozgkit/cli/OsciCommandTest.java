package de.ozgkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ozgkit osci}: keygen, send, fetch and card against the in-process sandbox intermediary. */
class OsciCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = OzgkitCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void keygen_send_fetch_card_roundTrip(@TempDir Path dir) throws Exception {
        Path sandbox = dir.resolve("sandbox");
        Path alice = dir.resolve("alice.p12");
        Path bob = dir.resolve("bob.p12");
        assertThat(run("osci", "keygen", "--cn", "Alice", "--out", alice.toString()).code()).isZero();
        assertThat(run("osci", "keygen", "--cn", "Bob", "--out", bob.toString()).code()).isZero();
        Path file = dir.resolve("antrag.txt");
        byte[] content = "Antrag \r\n\u00e4\u1e9e\0".getBytes(StandardCharsets.UTF_8);
        Files.write(file, content);

        Run send = run("osci", "send", "--from", alice.toString(), "--to", bob + ".pem", "--subject", "Antrag",
                "--sandbox-dir", sandbox.toString(), file.toString());
        assertThat(send.code()).as(send.err()).isZero();
        assertThat(send.out()).contains("message-id ", "creation ");
        String id = send.out().lines().filter(l -> l.startsWith("message-id ")).findFirst().orElseThrow().substring(11);

        Path out = dir.resolve("in");
        Run fetch = run("osci", "fetch", "--as", bob.toString(), "--out", out.toString(), "--sandbox-dir", sandbox.toString());
        assertThat(fetch.code()).as(fetch.err()).isZero();
        assertThat(fetch.out()).contains("decrypted, signature verified: CN=Alice", "fetched 1");
        assertThat(Files.readAllBytes(out.resolve(id.replaceAll("[^A-Za-z0-9._-]", "_")).resolve("antrag.txt"))).isEqualTo(content);

        Run card = run("osci", "card", "--as", alice.toString(), "--sandbox-dir", sandbox.toString(), id);
        assertThat(card.code()).as(card.err()).isZero();
        assertThat(card.out()).contains("verified", "reception  2");

        assertThat(run("osci", "card", "--as", alice.toString(), "--sandbox-dir", sandbox.toString(), "unknown").code()).isEqualTo(1);
        Run wrongPassword = run("osci", "send", "--from", alice.toString(), "--password", "wrong", "--to", bob + ".pem",
                "--sandbox-dir", sandbox.toString(), file.toString());
        assertThat(wrongPassword.code()).isEqualTo(2);
        assertThat(wrongPassword.err()).contains("osci send:");
    }
}
