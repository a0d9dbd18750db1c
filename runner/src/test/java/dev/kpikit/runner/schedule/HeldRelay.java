package dev.kpikit.runner.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A slow SMTP peer: a TCP relay on loopback that accepts the runner's connection and holds it (the runner waits for the
 * greeting, inside its SMTP attempt) until the test releases it; then it relays both ways to the real server.
 */
final class HeldRelay implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch firstConnection = new CountDownLatch(1);
    private final AtomicInteger connections = new AtomicInteger();

    HeldRelay(int port, int targetPort) throws IOException {
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.targetPort = targetPort;
        Thread acceptor = new Thread(this::accept, "held-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                firstConnection.countDown();
                Thread t = new Thread(() -> relay(client), "held-relay-connection");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;  // closed
            }
        }
    }

    private void relay(Socket client) {
        try (client; Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            released.await();
            Thread back = new Thread(() -> copy(target, client), "held-relay-back");
            back.setDaemon(true);
            back.start();
            copy(client, target);
            back.join(10_000);
        } catch (IOException | InterruptedException e) {
            // the test is over
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0;) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed
        }
    }

    boolean awaitConnection(long seconds) throws InterruptedException {
        return firstConnection.await(seconds, TimeUnit.SECONDS);
    }

    int connections() {
        return connections.get();
    }

    void release() {
        released.countDown();
    }

    @Override
    public void close() throws IOException {
        released.countDown();
        server.close();
    }
}
