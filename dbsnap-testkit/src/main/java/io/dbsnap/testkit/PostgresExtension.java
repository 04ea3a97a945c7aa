package io.dbsnap.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link PostgresTest}: one database per test class, kept in the
 * class's extension store so that JUnit (5.13 or later) closes, and so drops, it after the
 * class's last test.
 */
public final class PostgresExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return database(context);
    }

    /** Finds the class's database (stores look up their parents) or creates it in the class's store. */
    private static TestDatabase database(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(testClass,
                c -> server(testClass).createDatabase(testClass.getSimpleName()), TestDatabase.class);
    }

    private static PostgresServer server(Class<?> testClass) {
        String version = AnnotationSupport.findAnnotation(testClass, PostgresTest.class)
                .map(PostgresTest::version).orElse("");
        return version.isEmpty() ? PostgresServer.shared() : PostgresServer.embedded(version);
    }
}
