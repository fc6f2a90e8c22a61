package vn.hanoi.hcc.bff.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on loopback to a server, whose open connections can go silent at once: their bytes
 * are dropped both ways while both sockets stay open, as when a network between a pod and its
 * database drops a connection without telling either end (a half-open connection). Connections
 * opened after that are relayed as before.
 */
final class SilentProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final List<Relay> relays = new CopyOnWriteArrayList<>();

    SilentProxy(int target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "silent-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Every connection open now drops whatever it carries from here on. */
    void silenceOpenConnections() {
        relays.forEach(relay -> relay.silent = true);
    }

    int connectionsOpened() {
        return relays.size();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                Relay relay = new Relay(client, server);
                relays.add(relay);
                pump(relay, client, server, "up");
                pump(relay, server, client, "down");
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pump(Relay relay, Socket from, Socket to, String direction) {
        Thread pump = new Thread(
                () -> {
                    byte[] buffer = new byte[8192];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                            if (!relay.silent) {
                                out.write(buffer, 0, read);
                                out.flush();
                            }
                        }
                    } catch (IOException closed) {
                        // either end went away: so does the relay
                    } finally {
                        relay.close();
                    }
                },
                "silent-proxy-" + direction);
        pump.setDaemon(true);
        pump.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        relays.forEach(Relay::close);
    }

    private static final class Relay {

        private final Socket client;
        private final Socket server;
        private volatile boolean silent;

        Relay(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void close() {
            try {
                client.close();
                server.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
