package io.dbsnap.bench;

import io.dbsnap.dumper.CatalogReader;
import io.dbsnap.testkit.TestDatabase;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where {@link CatalogReader#read} spends its time, query by query: a read through a JDBC proxy
 * that times each prepared query's execution (server work and transfer: pgjdbc fetches the whole
 * result in {@code executeQuery}) apart from walking its rows (the reader's mapping in Java). The
 * dumper's queries are package-private, so a query is named by the reader method that prepared it.
 * Run after the timed repetitions, never inside them.
 */
final class QueryProfile {

    /** One catalog query: who ran it, how long it took, how many rows it returned. */
    record Query(String reader, double executeMillis, double rowsMillis, int rows, String sql) {
        double totalMillis() {
            return executeMillis + rowsMillis;
        }
    }

    private final List<Query> queries = new ArrayList<>();

    private QueryProfile() {
    }

    /** The queries of one catalog read of {@code db}, slowest first. */
    static List<Query> of(TestDatabase db) throws SQLException {
        QueryProfile profile = new QueryProfile();
        try (Connection connection = db.connect()) {
            Connection timed = profile.timing(connection);
            // The first read pays for generating the proxy classes and for pgjdbc's per-connection
            // type lookups; only the second is kept.
            CatalogReader.allSchemas().read(timed);
            profile.queries.clear();
            CatalogReader.allSchemas().read(timed);
        }
        List<Query> slowestFirst = new ArrayList<>(profile.queries);
        slowestFirst.sort(Comparator.comparingDouble(Query::totalMillis).reversed());
        return slowestFirst;
    }

    private Connection timing(Connection connection) {
        return proxy(Connection.class, connection, (method, args) -> {
            Object result = method.invoke(connection, args);
            if (method.getName().equals("prepareStatement") && args.length == 1) {
                return timing((PreparedStatement) result, (String) args[0], caller());
            }
            return result;
        });
    }

    private PreparedStatement timing(PreparedStatement statement, String sql, String reader) {
        return proxy(PreparedStatement.class, statement, (method, args) -> {
            if (!method.getName().equals("executeQuery") || args != null && args.length > 0) {
                return method.invoke(statement, args);
            }
            long start = System.nanoTime();
            ResultSet rs = (ResultSet) method.invoke(statement, args);
            long executed = System.nanoTime();
            int[] rows = {0};
            return proxy(ResultSet.class, rs, (rsMethod, rsArgs) -> {
                Object result = rsMethod.invoke(rs, rsArgs);
                if (rsMethod.getName().equals("next") && Boolean.TRUE.equals(result)) {
                    rows[0]++;
                } else if (rsMethod.getName().equals("close")) {
                    queries.add(new Query(reader, Samples.millis(executed - start),
                            Samples.millis(System.nanoTime() - executed), rows[0], sql));
                }
                return result;
            });
        });
    }

    /** The dumper method that prepares a query: the first frame in the dumper that is a reader's. */
    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> f.getClassName().startsWith("io.dbsnap.dumper.")
                        && f.getClassName().endsWith("Reader") && !f.getClassName().endsWith(".CatalogReader"))
                .findFirst()
                .map(f -> f.getClassName().substring("io.dbsnap.dumper.".length()) + "." + f.getMethodName())
                .orElse("unknown"));
    }

    @FunctionalInterface
    private interface Call {
        Object invoke(Method method, Object[] args) throws ReflectiveOperationException;
    }

    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                // the driver's own exception, not the reflection wrapper
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(QueryProfile.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
