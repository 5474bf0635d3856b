package org.safesteps.campaigns;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.bson.Document;

/** A registered app on a device, as stored. {@code recentSends} are when campaigns last reached it, for the cap. */
record Device(String id, String learner, String token, String locale, String country, String region,
		String audience, String ageBand, String timeZone, boolean active, Instant registeredAt, Instant lastSeenAt,
		List<Instant> recentSends) {

	static final String COLLECTION = "devices";

	static Device from(Document document) {
		List<Date> sends = document.getList("recentSends", Date.class, List.of());
		return new Device(document.getString("_id"), document.getString("learner"), document.getString("token"),
				document.getString("locale"), document.getString("country"), document.getString("region"),
				document.getString("audience"), document.getString("ageBand"), document.getString("timeZone"),
				document.getBoolean("active", false), document.getDate("registeredAt").toInstant(),
				document.getDate("lastSeenAt").toInstant(), sends.stream().map(Date::toInstant).toList());
	}

	ZoneId zone() {
		return ZoneId.of(this.timeZone);
	}

	boolean isChild() {
		return "child".equals(this.audience);
	}

	/** What the API shows of a device: everything but the token and the learner. */
	record View(String id, String locale, String country, String region, String audience, String ageBand,
			String timeZone, boolean active, Instant registeredAt, Instant lastSeenAt) {

		static View of(Device device) {
			return new View(device.id(), device.locale(), device.country(), device.region(), device.audience(),
					device.ageBand(), device.timeZone(), device.active(), device.registeredAt(), device.lastSeenAt());
		}

	}

}
