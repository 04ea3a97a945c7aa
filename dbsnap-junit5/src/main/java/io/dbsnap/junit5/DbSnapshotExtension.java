package io.dbsnap.junit5;

import io.dbsnap.Snapshot;
import io.dbsnap.connection.DatabaseAddress;
import io.dbsnap.connection.DatabaseConnections;
import io.dbsnap.errors.DbSnapException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link DbSnapshot}. Per test class: {@code beforeAll} finds the database,
 * claims it for the class and, when its snapshot exists already, resets it (so that the class
 * starts from the snapshot whatever ran before); the first {@code beforeEach} of the run on that
 * database takes the snapshot; {@code afterEach} or {@code afterAll} resets, as configured;
 * {@code afterAll} releases the claim. A {@code @Nested} class uses its enclosing class's
 * database and claim.
 */
public final class DbSnapshotExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DbSnapshotExtension.class);
    private static final String CLASS_STATE = "class";

    /** What one (outermost) test class uses: its database and settings. */
    private record ClassState(SuiteDatabase database, DbSnapshot settings, Class<?> testClass) {
    }

    /** Made by JUnit, through {@link DbSnapshot}'s {@code @ExtendWith}. */
    public DbSnapshotExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (context.getStore(NAMESPACE).get(CLASS_STATE, ClassState.class) != null) {
            return; // a @Nested class: its enclosing class holds the database
        }
        Class<?> testClass = context.getRequiredTestClass();
        DbSnapshot settings = settings(testClass);
        DataSource source = DatabaseLocator.locate(testClass, settings);
        String address = address(source);
        DatabaseClaims.claim(address, testClass);
        try {
            SuiteDatabase database = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("database " + address,
                    k -> new SuiteDatabase(address, source, settings), SuiteDatabase.class);
            database.checkSameOrigin(settings, testClass);
            context.getStore(NAMESPACE).put(CLASS_STATE, new ClassState(database, settings, testClass));
            database.reset(settings.verify());
        } catch (RuntimeException | Error e) {
            DatabaseClaims.release(address, testClass);
            throw e;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        state(context).database().capture();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ClassState state = state(context);
        if (state.settings().reset() == ResetMode.AFTER_EACH_TEST) {
            state.database().reset(state.settings().verify());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ClassState state = context.getStore(NAMESPACE).get(CLASS_STATE, ClassState.class);
        if (state == null || state.testClass() != context.getRequiredTestClass()) {
            return; // never set up, or a @Nested class
        }
        try {
            // also in AFTER_EACH_TEST mode: @AfterAll methods may have written
            state.database().reset(state.settings().verify());
        } finally {
            DatabaseClaims.release(state.database().address(), state.testClass());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DataSource.class || type == Snapshot.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ClassState state = context.getStore(NAMESPACE).get(CLASS_STATE, ClassState.class);
        if (state == null) {
            throw new ParameterResolutionException("The database of @DbSnapshot is not known yet here (a constructor?);"
                    + " take it in a test, @BeforeEach or @BeforeAll method");
        }
        if (parameter.getParameter().getType() == DataSource.class) {
            return state.database().dataSource();
        }
        if (!state.database().captured()) {
            throw new ParameterResolutionException("The snapshot of " + state.database().address() + " is taken right"
                    + " before the first test, after @BeforeAll methods: take the Snapshot in a test or @BeforeEach method");
        }
        return state.database().capture().snapshot();
    }

    private static ClassState state(ExtensionContext context) {
        ClassState state = context.getStore(NAMESPACE).get(CLASS_STATE, ClassState.class);
        if (state == null) {
            throw new DbSnapException("@DbSnapshot found no database for " + context.getDisplayName()
                    + ": its class's setup failed or did not run");
        }
        return state;
    }

    private static DbSnapshot settings(Class<?> testClass) {
        return AnnotationSupport.findAnnotation(testClass, DbSnapshot.class).orElseThrow(() -> new DbSnapException(
                "Register DbSnapshotExtension with @DbSnapshot on " + testClass.getName() + ", which holds its settings"));
    }

    /** {@code host:port/db}: the database, whoever connects to it. */
    private static String address(DataSource source) {
        try (Connection c = DatabaseConnections.open(source, "the @DbSnapshot database")) {
            String described = DatabaseAddress.describe(c);
            return described.substring(described.indexOf('@') + 1);
        } catch (SQLException e) {
            throw new DbSnapException("Could not read the address of the @DbSnapshot database: " + e.getMessage()
                    + " (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }
}
