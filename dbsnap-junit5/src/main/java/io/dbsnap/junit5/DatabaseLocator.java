package io.dbsnap.junit5;

import io.dbsnap.Snapshots;
import io.dbsnap.errors.DbSnapException;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Finds the database of a {@link DbSnapshot} test class: the annotation's URL, or the value of
 * its {@link SnapshotDatabase} member. Containers and the testkit's databases are recognized by
 * their methods, so that this module needs neither Testcontainers nor the testkit.
 */
final class DatabaseLocator {

    private DatabaseLocator() {
    }

    static DataSource locate(Class<?> testClass, DbSnapshot settings) {
        if (!settings.url().isEmpty()) {
            return Snapshots.dataSource(settings.url());
        }
        List<Member> members = new ArrayList<>();
        for (Class<?> c = testClass; c != null; c = c.getSuperclass() != null && c.getSuperclass() != Object.class
                ? c.getSuperclass() : c.getEnclosingClass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.isAnnotationPresent(SnapshotDatabase.class)) {
                    members.add(field);
                }
            }
            for (Method method : c.getDeclaredMethods()) {
                if (method.isAnnotationPresent(SnapshotDatabase.class)) {
                    members.add(method);
                }
            }
            if (!members.isEmpty()) {
                break;
            }
        }
        if (members.isEmpty()) {
            throw new DbSnapException("@DbSnapshot on " + testClass.getName() + " has no database: give its URL,"
                    + " @DbSnapshot(url = \"jdbc:postgresql://...\"), or annotate a static field or method with"
                    + " @SnapshotDatabase (a DataSource, a URL, a Testcontainers PostgreSQLContainer).");
        }
        if (members.size() > 1) {
            throw new DbSnapException(testClass.getName() + " has " + members.size() + " members annotated"
                    + " @SnapshotDatabase (" + members.stream().map(Member::getName).toList() + "); keep one.");
        }
        Member member = members.get(0);
        if (!Modifier.isStatic(member.getModifiers())) {
            throw new DbSnapException("@SnapshotDatabase " + member.getDeclaringClass().getSimpleName() + "."
                    + member.getName() + " must be static: the database is needed before any test instance exists.");
        }
        return dataSource(read(member), member);
    }

    private static Object read(Member member) {
        try {
            if (member instanceof Field field) {
                field.setAccessible(true);
                return field.get(null);
            }
            Method method = (Method) member;
            if (method.getParameterCount() != 0) {
                throw new DbSnapException("@SnapshotDatabase method " + method.getName() + " must take no parameters");
            }
            method.setAccessible(true);
            return method.invoke(null);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DbSnapException("Could not read @SnapshotDatabase " + member.getName() + ": " + cause, cause);
        }
    }

    private static DataSource dataSource(Object value, Member member) {
        if (value instanceof DataSource source) {
            return source;
        }
        if (value instanceof String url) {
            return Snapshots.dataSource(url);
        }
        if (value == null) {
            throw new DbSnapException("@SnapshotDatabase " + member.getName() + " is null");
        }
        // a Testcontainers JdbcDatabaseContainer, which must have been started
        Method jdbcUrl = method(value, "getJdbcUrl");
        if (jdbcUrl != null) {
            PGSimpleDataSource source = new PGSimpleDataSource();
            source.setURL((String) call(value, jdbcUrl, member));
            source.setUser((String) call(value, method(value, "getUsername"), member));
            source.setPassword((String) call(value, method(value, "getPassword"), member));
            return source;
        }
        Method dataSource = method(value, "dataSource");
        if (dataSource != null && DataSource.class.isAssignableFrom(dataSource.getReturnType())) {
            return (DataSource) call(value, dataSource, member);
        }
        throw new DbSnapException("@SnapshotDatabase " + member.getName() + " is a " + value.getClass().getName()
                + ", which is neither a DataSource, a URL, a container with getJdbcUrl(), nor has dataSource().");
    }

    private static Method method(Object value, String name) {
        try {
            return value.getClass().getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Object call(Object value, Method method, Member member) {
        if (method == null) {
            throw new DbSnapException("@SnapshotDatabase " + member.getName() + " has getJdbcUrl() but no getUsername()"
                    + " or getPassword()");
        }
        try {
            return method.invoke(value);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DbSnapException("Could not ask @SnapshotDatabase " + member.getName() + " for " + method.getName()
                    + "(): " + cause + " (is the container started? Register @Testcontainers before @DbSnapshot.)", cause);
        }
    }
}
