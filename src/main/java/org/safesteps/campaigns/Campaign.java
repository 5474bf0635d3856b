package org.safesteps.campaigns;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;

import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * A campaign as stored.
 *
 * @param startAt when delivery starts: the scheduled instant, or for a local-time schedule the
 * moment the first time zone reaches it
 * @param materialized whether its deliveries have been planned (targeted and cut into chunks)
 * @param targeted devices it was planned for
 * @param deferredAtPlanning of those, how many were due in quiet hours
 */
record Campaign(String id, String author, CampaignStatus status, CampaignDraft draft, Instant createdAt,
		Instant updatedAt, Instant startAt, boolean materialized, long targeted, long deferredAtPlanning,
		List<AuditEntry> audit, long version) {

	static final String COLLECTION = "campaigns";

	static Campaign from(Document document, MongoConverter converter) {
		Date startAt = document.getDate("startAt");
		return new Campaign(document.getString("_id"), document.getString("author"),
				CampaignStatus.valueOf(document.getString("status")),
				converter.read(CampaignDraft.class, document.get("draft", Document.class)),
				document.getDate("createdAt").toInstant(), document.getDate("updatedAt").toInstant(),
				(startAt != null) ? startAt.toInstant() : null, document.getBoolean("materialized", false),
				number(document, "targeted"), number(document, "deferredAtPlanning"),
				document.getList("audit", Document.class, List.of()).stream().map(AuditEntry::from).toList(),
				number(document, "version"));
	}

	private static long number(Document document, String field) {
		Object value = document.get(field);
		return (value instanceof Number number) ? number.longValue() : 0L;
	}

	/**
	 * One step of a campaign's life: who did it and when. {@code by} is the staff member's subject,
	 * or {@code system} for delivery.
	 */
	record AuditEntry(String action, String by, Instant at, String note) {

		static final String SYSTEM = "system";

		Document toDocument() {
			Document entry = new Document("action", this.action).append("by", this.by).append("at", Date.from(this.at));
			if (this.note != null) {
				entry.append("note", this.note);
			}
			return entry;
		}

		static AuditEntry from(Document document) {
			return new AuditEntry(document.getString("action"), document.getString("by"),
					document.getDate("at").toInstant(), document.getString("note"));
		}

	}

}
