package org.safesteps.platform;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The embedded server's H2 store, committed before any command that changed it is answered. H2
 * commits on its own only about once a second, so without this a write or an erasure that the
 * service acknowledged could be lost, or come back, when the process dies. Concurrent commands
 * share commits: a command that finds nothing left to write does not commit again.
 */
class DurableH2Backend extends H2Backend {

	DurableH2Backend(String fileName) {
		super(fileName);
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		try {
			return super.handleCommand(channel, database, command, query);
		}
		finally {
			if (getMvStore().hasUnsavedChanges()) {
				commit();
			}
		}
	}

}
