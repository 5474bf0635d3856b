package org.safesteps.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts mongo-java-server in-process when no external MongoDB is configured, so the service
 * runs on a fresh machine with nothing installed. It speaks the real wire protocol on loopback.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mongodb.uri:}'.isEmpty()")
class EmbeddedMongoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

	@Bean(destroyMethod = "shutdownNow")
	MongoServer embeddedMongoServer(EmbeddedMongoProperties properties) throws IOException {
		// No oplog: nothing here uses change streams, and it would copy every written document,
		// a child's feedback text too, doubling each write and keeping deleted data.
		MongoServer server = new MongoServer(backend(properties));
		server.bind(properties.bindAddress(), properties.port());
		InetSocketAddress address = server.getLocalAddress();
		log.info("Using embedded MongoDB (mongo-java-server, {} backend) on {}:{}",
				properties.inMemory() ? "in-memory" : "H2 file " + properties.dataFile(),
				address.getHostString(), address.getPort());
		return server;
	}

	@Bean
	MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer,
			EmbeddedMongoProperties properties) {
		InetSocketAddress address = embeddedMongoServer.getLocalAddress();
		ConnectionString connectionString = new ConnectionString("mongodb://" + address.getHostString() + ":"
				+ address.getPort() + "/" + properties.database());
		return () -> connectionString;
	}

	/**
	 * The data folder and the store are readable by the service's user only: they hold learner
	 * progress. (The server itself has no authentication; see the README.)
	 */
	private static void ownerOnly(Path file) throws IOException {
		Path folder = file.getParent();
		Files.createDirectories(folder);
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
		if (!Files.exists(file)) {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
	}

	private static de.bwaldvogel.mongo.backend.AbstractMongoBackend backend(EmbeddedMongoProperties properties)
			throws IOException {
		de.bwaldvogel.mongo.backend.AbstractMongoBackend backend;
		if (properties.inMemory()) {
			backend = new MemoryBackend();
		}
		else {
			Path file = Path.of(properties.dataFile()).toAbsolutePath();
			ownerOnly(file);
			backend = properties.durableWrites() ? new DurableH2Backend(file.toString()) : new H2Backend(file.toString());
		}
		backend.version(ServerVersion.MONGO_5_0);
		return backend;
	}

}
