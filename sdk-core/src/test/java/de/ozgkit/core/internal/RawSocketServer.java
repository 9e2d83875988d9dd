package de.ozgkit.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP server on loopback that reads the request head and then misbehaves on purpose: resets the
 * connection or answers with bytes that are not HTTP. Counts the connections it accepted.
 */
final class RawSocketServer implements AutoCloseable {

    enum Mode { RESET, GARBAGE }

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread thread;

    RawSocketServer(Mode mode) throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    connections.incrementAndGet();
                    readHead(s.getInputStream());
                    if (mode == Mode.RESET) {
                        s.setSoLinger(true, 0); // close with RST
                    } else {
                        s.getOutputStream().write("SSH-2.0-not-http\r\n\r\n".getBytes());
                        s.getOutputStream().flush();
                    }
                } catch (IOException e) {
                    // closed
                }
            }
        }, "raw-socket-server");
        thread.setDaemon(true);
        thread.start();
    }

    private static void readHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while ((b = in.read()) >= 0) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return;
            }
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
