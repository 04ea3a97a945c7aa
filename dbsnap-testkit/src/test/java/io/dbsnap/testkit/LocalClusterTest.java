package io.dbsnap.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalClusterTest {

    private final PostgresBinaries binaries = BinaryLocator.standard().find().orElseThrow();

    @Test
    void aPortTakenBetweenChoiceAndBindIsRetriedOnAnother() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            AtomicInteger calls = new AtomicInteger();
            int taken = squatter.getLocalPort();

            LocalCluster cluster = LocalCluster.start(binaries,
                    () -> calls.getAndIncrement() == 0 ? taken : LocalCluster.freePort(), List.of());
            try {
                assertThat(calls.get()).isEqualTo(2);
                assertThat(cluster.port()).isNotEqualTo(taken);
                PostgresServer server = new PostgresServer(new ServerAddress("127.0.0.1", cluster.port(), "postgres",
                        LocalCluster.SUPERUSER, cluster.password(), Map.of()), "retried");
                assertThat(server.majorVersion()).isPositive();
            } finally {
                cluster.stop();
            }
            assertThat(cluster.dataDirectory()).doesNotExist();
        }
    }

    @Test
    void aServerThatFailsToStartShowsTheTailOfItsLog() {
        assertThatThrownBy(() -> LocalCluster.start(binaries, LocalCluster::freePort,
                List.of("shared_buffers = 'plenty'")))
                .isInstanceOf(PostgresUnavailableException.class)
                .hasMessageContaining("failed to start")
                .hasMessageContaining("Last lines of its log")
                .hasMessageContaining("shared_buffers");
    }
}
