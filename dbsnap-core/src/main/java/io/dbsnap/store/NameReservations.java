package io.dbsnap.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims a snapshot's name before its dump starts, so that two writers of one label in one second
 * (two jobs, two threads) get two names rather than the second failing after its whole dump.
 *
 * <p>The claim is a hidden file {@code .dbsnap-reserved-{name}}, created with {@code CREATE_NEW}:
 * of two writers, exactly one creates it. The other takes the next second's name. The file goes
 * when the write ends; one left by a killed process names a second that is past, so it stands in
 * nobody's way, and {@link StaleFiles} removes it as it removes the process's temporary files.
 */
final class NameReservations {

    static final String PREFIX = ".dbsnap-reserved-";
    private static final Logger LOG = LoggerFactory.getLogger(NameReservations.class);
    /** Seconds tried before giving up: as many writers of one label at once is not a real use. */
    private static final int ATTEMPTS = 30;

    private final Path directory;
    private final SnapshotName first;
    private final Supplier<SnapshotName> nextSecond;

    /**
     * @param first      the name for now
     * @param nextSecond waits for the next second and names it (a fixed clock gives the same name
     *                   again, which ends the attempts)
     */
    NameReservations(Path directory, SnapshotName first, Supplier<SnapshotName> nextSecond) {
        this.directory = directory;
        this.first = first;
        this.nextSecond = nextSecond;
    }

    /** The pid written into a reservation; empty when it cannot be read. */
    static Optional<Long> writerOf(Path reservation) {
        try {
            return Optional.of(Long.parseLong(Files.readString(reservation, StandardCharsets.US_ASCII).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The name asked for first, for messages about a write that has no name yet. */
    SnapshotName first() {
        return first;
    }

    /** A name claimed for one write; {@link #close()} gives the claim up. */
    final class Reservation implements AutoCloseable {

        private final SnapshotName name;
        private final Path file;

        private Reservation(SnapshotName name, Path file) {
            this.name = name;
            this.file = file;
        }

        SnapshotName name() {
            return name;
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Could not remove the name reservation {}; it can be deleted", file, e);
            }
        }
    }

    /**
     * Claims the first free name: not {@code taken} by files in the directory and not claimed by
     * another writer.
     *
     * @throws FileAlreadyExistsException when no name is free (the clock does not move on)
     */
    Reservation reserve(Predicate<SnapshotName> taken) throws IOException {
        SnapshotName name = first;
        for (int attempt = 1; ; attempt++) {
            if (!taken.test(name)) {
                Path file = directory.resolve(PREFIX + name.baseName());
                try {
                    Files.write(file, Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII),
                            java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                    // a snapshot published between the check and the claim keeps its name
                    if (!taken.test(name)) {
                        return new Reservation(name, file);
                    }
                    Files.deleteIfExists(file);
                } catch (FileAlreadyExistsException e) {
                    // another writer claimed it: try the next second
                }
            }
            SnapshotName next = nextSecond.get();
            if (next.equals(name) || attempt == ATTEMPTS) {
                throw new FileAlreadyExistsException(directory.resolve(name.metadataFileName()).toString());
            }
            name = next;
        }
    }
}
