package io.dbsnap.store;

import io.dbsnap.errors.DbSnapException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * How dbsnap creates what it writes outside a snapshot's own files: directories readable by their
 * owner only (0700), files likewise (0600), and never through a symbolic link, since a snapshot
 * holds a database's rows and its directory may be shared with other users. Where the file system
 * knows no POSIX permissions, files get its defaults.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Creates {@code directory} and its missing parents, each 0700; an existing one (or a link to
     * one) is used as it is.
     *
     * @throws DbSnapException when {@code directory} is a symbolic link to nothing: creating
     *                         through it would put files somewhere nobody announced; the link is kept
     */
    public static void createDirectories(Path directory) throws IOException {
        if (Files.isSymbolicLink(directory) && !Files.exists(directory)) {
            throw new DbSnapException("The directory " + directory + " is a symbolic link to "
                    + Files.readSymbolicLink(directory) + ", which does not exist. Create that directory, or name "
                    + "another one (--dir); the link was left as it is and nothing was written.");
        }
        if (Files.isDirectory(directory)) {
            return;
        }
        if (posix(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
        } else {
            Files.createDirectories(directory);
        }
    }

    /**
     * Opens {@code file} for appending, creating it 0600 if it is not there.
     *
     * @throws IOException when it is a symbolic link (it is not followed) or cannot be opened
     */
    public static FileChannel openForAppend(Path file) throws IOException {
        return open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS));
    }

    /**
     * Creates {@code file}, which must not exist (not even as a link), 0600, for writing.
     *
     * @throws java.nio.file.FileAlreadyExistsException when something of that name is there
     */
    public static OutputStream createNew(Path file) throws IOException {
        return Channels.newOutputStream(open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)));
    }

    private static FileChannel open(Path file, Set<OpenOption> options) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        FileAttribute<?>[] attributes = posix(parent)
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
        return FileChannel.open(file, options, attributes);
    }

    private static boolean posix(Path path) {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing != null
                    ? Files.getFileStore(existing).supportsFileAttributeView("posix")
                    : FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        } catch (IOException e) {
            return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        }
    }
}
