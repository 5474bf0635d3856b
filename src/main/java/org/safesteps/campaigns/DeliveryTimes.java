package org.safesteps.campaigns;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * When a message is due on a device, by the JDK's time-zone rules: a local-time schedule at the
 * same clock time in every zone (a time that a clock change skips moves on by the gap), and quiet
 * hours that defer, never drop, a message to the end of the window.
 */
@Component
class DeliveryTimes {

	/** The furthest-ahead zone in use (Kiribati, +14:00); a local-time campaign starts there. */
	private static final ZoneOffset FIRST = ZoneOffset.ofHours(14);

	/** The furthest-behind zone in use (-12:00); a local-time campaign ends there. */
	private static final ZoneOffset LAST = ZoneOffset.ofHours(-12);

	private final LocalTime quietStart;

	private final LocalTime quietEnd;

	@Autowired
	DeliveryTimes(CampaignsProperties properties) {
		this(properties.quietStart(), properties.quietEnd());
	}

	DeliveryTimes(LocalTime quietStart, LocalTime quietEnd) {
		this.quietStart = quietStart;
		this.quietEnd = quietEnd;
	}

	/** The first moment any device may be due. */
	static Instant firstDue(CampaignDraft.Schedule schedule) {
		return (schedule.at() != null) ? schedule.at() : LocalDateTime.parse(schedule.localTime()).toInstant(FIRST);
	}

	/** The last moment any device is due, before quiet hours. */
	static Instant lastDue(CampaignDraft.Schedule schedule) {
		return (schedule.at() != null) ? schedule.at() : LocalDateTime.parse(schedule.localTime()).toInstant(LAST);
	}

	/** When the schedule reaches a device in this zone. */
	static Instant due(CampaignDraft.Schedule schedule, ZoneId zone) {
		if (schedule.at() != null) {
			return schedule.at();
		}
		return ZonedDateTime.ofLocal(LocalDateTime.parse(schedule.localTime()), zone, null).toInstant();
	}

	/** The end of the quiet hours {@code when} falls in, in this zone; empty when it falls in none. */
	Optional<Instant> quietUntil(Instant when, ZoneId zone) {
		if (this.quietStart.equals(this.quietEnd)) {
			return Optional.empty();
		}
		ZonedDateTime local = when.atZone(zone);
		LocalTime time = local.toLocalTime();
		boolean overnight = this.quietStart.isAfter(this.quietEnd);
		boolean quiet = overnight ? (!time.isBefore(this.quietStart) || time.isBefore(this.quietEnd))
				: (!time.isBefore(this.quietStart) && time.isBefore(this.quietEnd));
		if (!quiet) {
			return Optional.empty();
		}
		var endDate = (overnight && !time.isBefore(this.quietStart)) ? local.toLocalDate().plusDays(1)
				: local.toLocalDate();
		return Optional.of(ZonedDateTime.ofLocal(endDate.atTime(this.quietEnd), zone, null).toInstant());
	}

}
