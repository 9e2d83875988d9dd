package de.ozgkit.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP server that answers every request with a hostile body and counts the bytes it
 * managed to write before the client went away: an endless chunked body, a body announced with
 * {@code Content-Length: 2147483648}, or a body that drips one byte per interval. Writing stops at
 * {@code cap} bytes, so that a client that does not abort ends the test instead of hanging it. In
 * {@code STALL} mode it reads the request head and then neither reads the request body nor answers
 * until the server is closed (or {@code cap} milliseconds pass).
 */
final class HostileServer implements AutoCloseable {

    enum Mode { ENDLESS_CHUNKED, HUGE_CONTENT_LENGTH, DRIP, STALL }

    private final ServerSocket socket;
    private final Mode mode;
    private final long cap;
    private final long dripMillis;
    private final AtomicLong written = new AtomicLong();
    private final AtomicInteger connections = new AtomicInteger();
    private final CountDownLatch firstDone = new CountDownLatch(1);
    private final Thread thread;

    HostileServer(Mode mode, long cap, long dripMillis) throws IOException {
        this.mode = mode;
        this.cap = cap;
        this.dripMillis = dripMillis;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "hostile-server");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket s = socket.accept()) {
                connections.incrementAndGet();
                readHead(s.getInputStream());
                try {
                    if (mode == Mode.STALL) {
                        stall();
                        continue;
                    }
                    answer(s.getOutputStream());
                } catch (IOException e) {
                    // the client closed the connection: what we measure
                } finally {
                    firstDone.countDown();
                }
            } catch (IOException e) {
                // server closed
            }
        }
    }

    /** Holds the connection without reading or answering, until the server is closed or at the cap. */
    private void stall() {
        long end = System.nanoTime() + cap * 1_000_000;
        while (System.nanoTime() < end && !socket.isClosed()) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void answer(OutputStream out) throws IOException {
        String head = switch (mode) {
            case ENDLESS_CHUNKED, DRIP -> "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
            case STALL -> throw new IllegalStateException("a stalling server does not answer");
            case HUGE_CONTENT_LENGTH -> "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2147483648\r\n\r\n";
        };
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        byte[] block = new byte[64 * 1024];
        java.util.Arrays.fill(block, (byte) 'x');
        byte[] chunk = ("10000\r\n" + "x".repeat(64 * 1024) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        while (written.get() < cap) {
            if (mode == Mode.DRIP) {
                out.write("1\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                written.incrementAndGet();
                try {
                    Thread.sleep(dripMillis);
                } catch (InterruptedException e) {
                    return;
                }
            } else if (mode == Mode.ENDLESS_CHUNKED) {
                out.write(chunk);
                written.addAndGet(block.length);
            } else {
                out.write(block);
                written.addAndGet(block.length);
            }
        }
        out.flush();
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

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + path);
    }

    /**
     * Waits until the first connection's answer ended (the client went away or the cap was reached).
     *
     * @return the body bytes (or drops) written on it
     */
    long awaitWritten() throws InterruptedException {
        if (!firstDone.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server is still writing after 120 s");
        }
        return written.get();
    }

    int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        thread.interrupt();
    }
}
