package io.dbsnap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/** How many bytes of SQL a script file holds once decompressed: the total of a restore's progress. */
final class ScriptSize {

    private ScriptSize() {
    }

    /**
     * The file's size, or for gzip the size its trailer records (ISIZE, the length modulo 2^32);
     * empty when that cannot be right (a script over 4 GiB) or the file cannot be read.
     */
    static OptionalLong uncompressed(Path file) {
        try {
            long size = Files.size(file);
            if (!isGzip(file) || size < 18) {
                return OptionalLong.of(size);
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer trailer = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
                channel.read(trailer, size - 4);
                long recorded = Integer.toUnsignedLong(trailer.flip().getInt());
                // text compresses: a recorded size below the compressed one has wrapped around 4 GiB
                return recorded >= size ? OptionalLong.of(recorded) : OptionalLong.empty();
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }
}
