package de.ozgkit.einvoice.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A plain-text SMTP server on loopback that answers each command line with a scripted reply and
 * records every byte the client sent, to see what a client puts on the wire.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final Thread thread;
    private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

    /**
     * @param greeting the greeting, or {@code null} to greet never (a server that hangs)
     * @param reply    the reply (CRLF added) to each command line, {@code null} to close
     */
    ScriptedSmtpServer(String greeting, Function<String, String> reply) throws IOException {
        server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    serve(s, greeting, reply);
                } catch (IOException e) {
                    // closed or client gone
                }
            }
        }, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve(Socket s, String greeting, Function<String, String> reply) throws IOException {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        if (greeting == null) {
            // hold the connection open without a word until the client gives up
            while (in.read() != -1) {
                // discard
            }
            return;
        }
        out.write((greeting + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            synchronized (seen) {
                seen.write(b);
            }
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String cmd = line.toString(StandardCharsets.US_ASCII).trim();
            line.reset();
            String r = reply.apply(cmd);
            if (r == null) {
                return;
            }
            out.write((r + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }

    int port() {
        return server.getLocalPort();
    }

    String seen() {
        synchronized (seen) {
            return seen.toString(StandardCharsets.US_ASCII);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
