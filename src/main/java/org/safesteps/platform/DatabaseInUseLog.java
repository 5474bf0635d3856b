package org.safesteps.platform;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says at start-up which MongoDB the service uses: hosts and database, never credentials. */
@Component
class DatabaseInUseLog {

	private static final Logger log = LoggerFactory.getLogger(DatabaseInUseLog.class);

	private final MongoConnectionDetails connection;

	private final ObjectProvider<MongoServer> embedded;

	DatabaseInUseLog(MongoConnectionDetails connection, ObjectProvider<MongoServer> embedded) {
		this.connection = connection;
		this.embedded = embedded;
	}

	@EventListener(ApplicationStartedEvent.class)
	void logDatabase() {
		ConnectionString uri = this.connection.getConnectionString();
		log.info("Database in use: {} MongoDB at {}, database '{}'",
				(this.embedded.getIfAvailable() != null) ? "embedded" : "external", String.join(",", uri.getHosts()),
				uri.getDatabase());
	}

}
