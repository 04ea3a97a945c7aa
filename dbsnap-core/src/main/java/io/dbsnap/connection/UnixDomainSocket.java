package io.dbsnap.connection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * A unix-domain {@link SocketChannel} in the shape of a {@link java.net.Socket}, for pgjdbc (see
 * {@link UnixSocketFactory}). The channel is non-blocking and each read waits on a selector, so
 * that pgjdbc's read timeouts ({@link #setSoTimeout}: {@code socketTimeout}, its checks for
 * pending notifications) hold as on TCP. TCP's options (no-delay, keep-alive, buffer sizes) mean
 * nothing here and are accepted and ignored.
 */
final class UnixDomainSocket extends java.net.Socket {

    private final Path socketFile;
    private SocketChannel channel;
    private Selector readable;
    private Selector writable;
    private volatile int soTimeoutMillis;
    private volatile boolean closed;

    UnixDomainSocket(Path socketFile) {
        this.socketFile = socketFile;
    }

    /** Connects to the socket file; the address pgjdbc passes (its URL's host and port) is not used. */
    @Override
    public synchronized void connect(SocketAddress ignored, int timeoutMillis) throws IOException {
        if (closed) {
            throw new SocketException("Socket is closed");
        }
        SocketChannel opened = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            // a unix-domain connect does not wait on a network: it succeeds or fails at once
            opened.connect(UnixDomainSocketAddress.of(socketFile));
            opened.configureBlocking(false);
            readable = Selector.open();
            writable = Selector.open();
            opened.register(readable, SelectionKey.OP_READ);
            opened.register(writable, SelectionKey.OP_WRITE);
        } catch (IOException e) {
            opened.close();
            closeSelectors();
            ConnectException refused = new ConnectException("Could not connect to the unix-domain socket "
                    + socketFile + ": " + e.getMessage());
            refused.initCause(e);
            throw refused;
        }
        channel = opened;
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        connect(endpoint, 0);
    }

    @Override
    public void bind(SocketAddress bindpoint) {
        // pgjdbc binds only for localSocketAddress, a TCP setting
    }

    @Override
    public boolean isConnected() {
        return channel != null;
    }

    @Override
    public boolean isBound() {
        return channel != null;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        requireOpen();
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return UnixDomainSocket.this.read(ByteBuffer.wrap(buffer, offset, length));
            }
        };
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        requireOpen();
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                UnixDomainSocket.this.write(ByteBuffer.wrap(buffer, offset, length));
            }
        };
    }

    private int read(ByteBuffer buffer) throws IOException {
        if (!buffer.hasRemaining()) {
            return 0;
        }
        while (true) {
            int n = channel.read(buffer);
            if (n != 0) {
                return n;
            }
            int timeout = soTimeoutMillis;
            if (!await(readable, timeout) && timeout > 0) {
                throw new SocketTimeoutException("Read timed out after " + timeout + " ms");
            }
        }
    }

    private void write(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.write(buffer) == 0) {
                // the server reads slower than we write: wait until the socket takes more
                await(writable, 0);
            }
        }
    }

    /** Waits until the channel is ready, at most {@code timeoutMillis} (0: no limit); false when the time ran out. */
    private boolean await(Selector selector, int timeoutMillis) throws IOException {
        try {
            boolean ready = selector.select(timeoutMillis) > 0;
            selector.selectedKeys().clear();
            requireOpen();
            return ready;
        } catch (ClosedSelectorException e) {
            throw new SocketException("Socket is closed");
        }
    }

    private void requireOpen() throws SocketException {
        if (closed || channel == null) {
            throw new SocketException(closed ? "Socket is closed" : "Socket is not connected");
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (channel != null) {
                channel.close();
            }
        } finally {
            closeSelectors();
        }
    }

    private void closeSelectors() throws IOException {
        // closing a selector wakes a thread waiting in it, whose read or write then sees the socket closed
        if (readable != null) {
            readable.close();
        }
        if (writable != null) {
            writable.close();
        }
    }

    @Override
    public void shutdownInput() throws IOException {
        requireOpen();
        channel.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        requireOpen();
        channel.shutdownOutput();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout can't be negative");
        }
        soTimeoutMillis = timeout;
    }

    @Override
    public int getSoTimeout() {
        return soTimeoutMillis;
    }

    @Override
    public void setTcpNoDelay(boolean on) {
    }

    @Override
    public boolean getTcpNoDelay() {
        return true;
    }

    @Override
    public void setKeepAlive(boolean on) {
    }

    @Override
    public boolean getKeepAlive() {
        return false;
    }

    @Override
    public void setSendBufferSize(int size) {
    }

    @Override
    public int getSendBufferSize() {
        return 8192;
    }

    @Override
    public void setReceiveBufferSize(int size) {
    }

    @Override
    public int getReceiveBufferSize() {
        return 8192;
    }

    @Override
    public String toString() {
        return "UnixDomainSocket[" + socketFile + (closed ? ", closed" : "") + "]";
    }
}
