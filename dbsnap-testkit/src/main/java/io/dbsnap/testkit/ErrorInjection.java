package io.dbsnap.testkit;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A real connection that throws an {@link Error} (an {@code OutOfMemoryError}, say) in the
 * client when a statement whose SQL holds a marker is about to be sent: the server stays real and
 * sees everything before it, so a test can check that what was sent is rolled back, not committed.
 * Everything else, {@code unwrap} to pgjdbc's own classes (COPY) included, goes to the real one.
 */
public final class ErrorInjection {

    /** The Statement methods whose first argument is the SQL to run. */
    private static final Set<String> RUNS_SQL = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "addBatch");

    private ErrorInjection() {
    }

    /**
     * {@code real}, throwing what {@code error} gives when a statement with {@code marker} in its
     * SQL is run, batched or prepared; when {@code error} gives null, the statement goes through.
     */
    public static Connection wrap(Connection real, String marker, Supplier<? extends Error> error) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql
                    && sql.contains(marker)) {
                fail(error);
            }
            Object result = invoke(real, method, args);
            if (result instanceof Statement statement && method.getName().equals("createStatement")) {
                return statement(statement, marker, error);
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(ErrorInjection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    /** A data source whose connections are {@link #wrap wrapped}, for code that opens its own. */
    public static DataSource wrap(DataSource real, String marker, Supplier<? extends Error> error) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = invoke(real, method, args);
            return result instanceof Connection c ? wrap(c, marker, error) : result;
        };
        return (DataSource) Proxy.newProxyInstance(ErrorInjection.class.getClassLoader(), new Class<?>[] {DataSource.class},
                handler);
    }

    private static Statement statement(Statement real, String marker, Supplier<? extends Error> error) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (RUNS_SQL.contains(method.getName()) && args != null && args.length > 0 && args[0] instanceof String sql
                    && sql.contains(marker)) {
                fail(error);
            }
            return invoke(real, method, args);
        };
        return (Statement) Proxy.newProxyInstance(ErrorInjection.class.getClassLoader(), new Class<?>[] {Statement.class},
                handler);
    }

    /** Throws what {@code error} gives; a null from it means "not this time". */
    private static void fail(Supplier<? extends Error> error) {
        Error e = error.get();
        if (e != null) {
            throw e;
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
