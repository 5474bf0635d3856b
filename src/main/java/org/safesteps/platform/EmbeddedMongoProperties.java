package org.safesteps.platform;


import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded MongoDB used when {@code MONGODB_URI} is not set.
 *
 * @param inMemory keep data in memory only (tests); otherwise an H2 file under {@code dataFile}
 * @param dataFile the H2 file that holds the embedded database
 * @param bindAddress always loopback: the embedded server has no authentication
 * @param port 0 picks a free port
 * @param database database name
 * @param durableWrites commit the store before answering any command that changed it, so that
 * every acknowledged write survives a crash of the process; off only to measure its cost
 */
@ConfigurationProperties("safesteps.embedded-mongo")
record EmbeddedMongoProperties(@DefaultValue("false") boolean inMemory,
		@DefaultValue("./data/safesteps.mv.db") String dataFile, @DefaultValue("127.0.0.1") String bindAddress,
		@DefaultValue("0") int port, @DefaultValue("safesteps") String database,
		@DefaultValue("true") boolean durableWrites) {
}
