package org.safesteps.classroom;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Join codes: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L), 31^6 (about 887
 * million) of them, drawn from a DRBG. A code is held by one session until it expires or ends; a
 * code document per code makes that unique without transactions (insert, or take over an
 * expired one by compare and set).
 */
@Component
class JoinCodes {

	static final String COLLECTION = "classroom_codes";

	static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

	static final int LENGTH = 6;

	private static final int ATTEMPTS = 10;

	private final ReactiveMongoTemplate mongo;

	private final SecureRandom random;

	JoinCodes(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
		try {
			this.random = SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		this.random.nextInt();
	}

	/** A new code held by the session until {@code until}. */
	Mono<String> claim(String sessionId, Instant now, Instant until) {
		return claim(sessionId, now, until, 0);
	}

	private Mono<String> claim(String sessionId, Instant now, Instant until, int attempt) {
		if (attempt >= ATTEMPTS) {
			return Mono.error(new IllegalStateException("no free join code after " + ATTEMPTS + " draws"));
		}
		String code = draw();
		Document held = new Document("_id", code).append("session", sessionId).append("until", Date.from(until));
		return this.mongo.insert(held, COLLECTION)
			.thenReturn(true)
			.onErrorResume(DuplicateKeyException.class,
					ex -> this.mongo
						.updateFirst(Query.query(Criteria.where("_id").is(code).and("until").lt(Date.from(now))),
								Update.update("session", sessionId).set("until", Date.from(until)), COLLECTION)
						.map(result -> result.getModifiedCount() == 1))
			.flatMap(taken -> taken ? Mono.just(code) : claim(sessionId, now, until, attempt + 1));
	}

	/** The session a code names, if any (expired or not). */
	Mono<String> session(String code) {
		return this.mongo.findById(code, Document.class, COLLECTION).map(held -> held.getString("session"));
	}

	/** Frees the code of an ended session for others. */
	Mono<Void> release(String code, String sessionId, Instant now) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(code).and("session").is(sessionId)),
					Update.update("until", Date.from(now)), COLLECTION)
			.then();
	}

	static boolean isWellFormed(String code) {
		if (code.length() != LENGTH) {
			return false;
		}
		for (char c : code.toCharArray()) {
			if (ALPHABET.indexOf(c) < 0) {
				return false;
			}
		}
		return true;
	}

	private String draw() {
		char[] code = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			code[i] = ALPHABET.charAt(this.random.nextInt(ALPHABET.length()));
		}
		return new String(code);
	}

}
