package org.safesteps.participation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.safesteps.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The retention job, run with a fixed clock: free text older than the period goes, everything else stays. */
@ApiTest
class FreeTextRetentionTest {

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	ParticipationProperties properties;

	/** On 2027-06-30, with 180 days kept, text from 2027-01-01 (180 days before) goes and text from 2027-01-02 stays. */
	@Test
	void freeTextOlderThanThePeriodIsDeletedAndCountsStay() {
		Clock fixed = Clock.fixed(Instant.parse("2027-06-30T12:00:00Z"), ZoneOffset.UTC);
		this.mongo.insert(List.of(response("retention-old", "2027-01-01"), response("retention-new", "2027-01-02")),
				PollResponses.COLLECTION)
			.blockLast(Duration.ofSeconds(5));
		this.mongo.insert(new Document("_id", "retention-feedback-old").append("lessonId", "child-privacy-9-12")
			.append("helpful", true)
			.append("text", "old words")
			.append("day", "2026-12-01"), LessonFeedbacks.COLLECTION).block(Duration.ofSeconds(5));
		new FreeTextRetention(this.mongo, this.properties, fixed).removeFreeText().block(Duration.ofSeconds(5));

		Document old = find("retention-old", PollResponses.COLLECTION);
		assertThat(old.toJson()).doesNotContain("old words");
		assertThat(old.getList("answers", Document.class)).extracting(answer -> answer.getString("question"))
			.containsExactly("feel-safe");
		assertThat(find("retention-new", PollResponses.COLLECTION).toJson()).contains("new words");
		Document feedback = find("retention-feedback-old", LessonFeedbacks.COLLECTION);
		assertThat(feedback.containsKey("text")).isFalse();
		assertThat(feedback.getBoolean("helpful")).isTrue();
	}

	private Document find(String id, String collection) {
		return this.mongo.findById(id, Document.class, collection).block(Duration.ofSeconds(5));
	}

	private static Document response(String id, String day) {
		return new Document("_id", id).append("pollId", "poll-test")
			.append("answers", List.of(new Document("question", "feel-safe").append("options", List.of("4")),
					new Document("question", "what-helps").append("text", day.endsWith("01") ? "old words" : "new words")))
			.append("country", "TH")
			.append("ageBand", "9-12")
			.append("day", day);
	}

}
