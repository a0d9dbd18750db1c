package dev.kpikit.runner.schedule;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small SMTP server on loopback that refuses, for now, every recipient whose address starts with {@code refused}
 * ({@code 451 4.3.2}, a transient failure the runner retries) and takes the mail of the others, noting when it arrived.
 */
final class RefusingSmtp implements AutoCloseable {

    record Accepted(String recipient, String messageId, Instant at) {
    }

    private final ServerSocket server;
    private final AtomicInteger refusals = new AtomicInteger();
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();

    RefusingSmtp() throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Thread t = new Thread(() -> converse(client), "refusing-smtp");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "refusing-smtp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    int refusals() {
        return refusals.get();
    }

    List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    private void converse(Socket client) {
        try (client;
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
            reply(out, "220 refusing-smtp ready");
            String recipient = null;
            for (String line; (line = in.readLine()) != null;) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 refusing-smtp");
                } else if (command.startsWith("RCPT TO:")) {
                    String address = line.substring(8).replaceAll("[<>\\s]", "");
                    if (address.startsWith("refused")) {
                        refusals.incrementAndGet();
                        reply(out, "451 4.3.2 try again later");
                    } else {
                        recipient = address;
                        reply(out, "250 2.1.5 ok");
                    }
                } else if (command.startsWith("DATA")) {
                    reply(out, "354 go ahead");
                    String messageId = null;
                    for (String data; (data = in.readLine()) != null && !data.equals(".");) {
                        if (messageId == null && data.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                            messageId = data.substring(11).strip();
                        }
                    }
                    accepted.add(new Accepted(recipient, messageId, Instant.now()));
                    reply(out, "250 2.0.0 queued");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "250 ok");  // MAIL FROM, RSET, NOOP
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
