package io.dbsnap.connection;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Objects;
import javax.net.SocketFactory;

/**
 * Connects pgjdbc to a server's unix-domain socket, as libpq does for a host that is a directory
 * ({@code postgresql:///db?host=/var/run/postgresql}): pgjdbc itself only speaks TCP, but takes a
 * {@code socketFactory} class, given the socket file as {@code socketFactoryArg}. Java 16+ speaks
 * unix-domain sockets through {@link java.nio.channels.SocketChannel}; {@link UnixDomainSocket}
 * shapes one as the {@link Socket} pgjdbc expects, so no native library is needed.
 *
 * <p>pgjdbc instantiates this class by name (through its constructor that takes the argument),
 * so it is public; {@link ConnectionUrl} names it in the JDBC URLs it builds.
 */
public final class UnixSocketFactory extends SocketFactory {

    private final Path socketFile;

    /** @param socketFile the socket file, such as {@code /var/run/postgresql/.s.PGSQL.5432} */
    public UnixSocketFactory(String socketFile) {
        this.socketFile = Path.of(Objects.requireNonNull(socketFile,
                "socketFactoryArg: the socket file, such as /var/run/postgresql/.s.PGSQL.5432"));
    }

    /** The socket file of the server listening in {@code directory} on {@code port}, as libpq names it. */
    public static Path socketFile(String directory, int port) {
        return Path.of(directory, ".s.PGSQL." + port);
    }

    /** An unconnected socket: pgjdbc connects it to the host and port of its URL, which stand for the socket file. */
    @Override
    public Socket createSocket() {
        return new UnixDomainSocket(socketFile);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected();
    }

    private Socket connected() throws IOException {
        UnixDomainSocket socket = new UnixDomainSocket(socketFile);
        socket.connect(null, 0);
        return socket;
    }
}
