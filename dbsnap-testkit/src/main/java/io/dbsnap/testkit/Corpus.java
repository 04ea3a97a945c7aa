package io.dbsnap.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The third-party sample databases (pagila, northwind, chinook, pg_dump's own test objects) that
 * live beside the repository, in {@code ../shared/corpus}, and not in it. Only the Maven profile
 * {@code corpus} ({@code ./mvnw -B -Pcorpus verify}) runs the tests that read them: it runs the
 * tests tagged {@value #TAG} and hands them the directory in the system property
 * {@value #DIRECTORY_PROPERTY}. Without that property a test that asks for a corpus file fails,
 * so that a test reading the corpora without the tag is found on the machine of whoever wrote it
 * rather than on a fresh clone.
 */
public final class Corpus {

    /** The JUnit tag of the tests that read the corpora: {@code @Tag(Corpus.TAG)}. */
    public static final String TAG = "corpus";

    /** The corpus directory, set by the profile from the Maven property of the same name. */
    public static final String DIRECTORY_PROPERTY = "dbsnap.corpus.dir";

    /** The repository's root, against which a relative {@value #DIRECTORY_PROPERTY} is resolved. */
    public static final String ROOT_PROPERTY = "dbsnap.root.dir";

    private final UnaryOperator<String> properties;

    Corpus(UnaryOperator<String> properties) {
        this.properties = properties;
    }

    /**
     * The corpus file at {@code relative} (e.g. {@code pagila/pagila-schema.sql}).
     *
     * @throws IllegalStateException when the test does not run in the corpus profile, or the
     *                               directory or the file is missing, saying what to do
     */
    public static Path file(String relative) {
        return new Corpus(System::getProperty).find(relative);
    }

    Path find(String relative) {
        String configured = properties.apply(DIRECTORY_PROPERTY);
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("The test asks for the corpus file " + relative + " but the system property "
                    + DIRECTORY_PROPERTY + " is not set: tests that read the shared corpora must be tagged @Tag(\""
                    + TAG + "\") and run in the corpus profile: ./mvnw -B -Pcorpus verify");
        }
        Path directory = directory(configured);
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("The corpus directory " + directory + " does not exist: the corpus profile "
                    + "needs the shared sample databases there (by default ../shared/corpus beside the repository); "
                    + "put them there or name their directory with -D" + DIRECTORY_PROPERTY + "=/path/to/corpus");
        }
        Path file = directory.resolve(relative).normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("The corpus directory " + directory + " has no file " + relative
                    + ": is it an older copy of the shared corpora?");
        }
        return file;
    }

    private Path directory(String configured) {
        Path path = Path.of(configured);
        String root = properties.apply(ROOT_PROPERTY);
        if (!path.isAbsolute() && root != null && !root.isBlank()) {
            path = Path.of(root).resolve(path);
        }
        return path.toAbsolutePath().normalize();
    }
}
