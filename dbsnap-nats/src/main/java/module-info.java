/** The facade's snapshot events published to NATS as JSON ({@code NatsPublisher}). */
@SuppressWarnings("requires-automatic") // jnats has no descriptor, only an Automatic-Module-Name
module io.dbsnap.nats {
    requires transitive io.dbsnap;
    requires com.fasterxml.jackson.databind;
    requires io.nats.jnats;
    requires org.slf4j;

    exports io.dbsnap.nats;
}
