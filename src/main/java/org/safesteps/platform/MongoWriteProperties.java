package org.safesteps.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an external MongoDB acknowledges writes. The defaults make an acknowledged write survive
 * the loss of the primary: a majority of the replica set has it, in its journal.
 *
 * @param writeConcern {@code majority}, or a number of members such as {@code 1}
 * @param journal wait for the journal, not only memory
 */
@ConfigurationProperties("safesteps.mongo-writes")
record MongoWriteProperties(@DefaultValue("majority") String writeConcern, @DefaultValue("true") boolean journal) {
}
