package org.safesteps.campaigns;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Quiet hours and local-time schedules by the JDK's time-zone rules. */
class DeliveryTimesTest {

	final DeliveryTimes times = new DeliveryTimes(LocalTime.of(20, 0), LocalTime.of(7, 0));

	static final ZoneId KATHMANDU = ZoneId.of("Asia/Kathmandu");

	static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

	/** 20:45 in Kathmandu (+05:45) is deferred to 07:00 there the next morning. */
	@Test
	void quietHoursEndAtSevenInAQuarterHourZone() {
		assertThat(this.times.quietUntil(Instant.parse("2026-12-01T15:00:00Z"), KATHMANDU))
			.contains(Instant.parse("2026-12-02T01:15:00Z"));
		assertThat(this.times.quietUntil(Instant.parse("2026-12-01T04:15:00Z"), KATHMANDU)).isEmpty();
	}

	/** Before 07:00 the window ends the same morning; at 07:00 and before 20:00 there is none; at 20:00 there is. */
	@Test
	void theWindowsEdges() {
		ZoneId bangkok = ZoneId.of("Asia/Bangkok");
		assertThat(this.times.quietUntil(Instant.parse("2026-12-01T23:59:00Z"), bangkok))
			.contains(Instant.parse("2026-12-02T00:00:00Z"));
		assertThat(this.times.quietUntil(Instant.parse("2026-12-02T00:00:00Z"), bangkok)).isEmpty();
		assertThat(this.times.quietUntil(Instant.parse("2026-12-02T12:59:00Z"), bangkok)).isEmpty();
		assertThat(this.times.quietUntil(Instant.parse("2026-12-02T13:00:00Z"), bangkok))
			.contains(Instant.parse("2026-12-03T00:00:00Z"));
	}

	/** On the night Sydney's clocks go forward, 22:00 AEST is deferred to 07:00 AEDT: 9 hours later, not 10. */
	@Test
	void quietHoursAcrossAClockChange() {
		assertThat(this.times.quietUntil(Instant.parse("2026-10-03T12:00:00Z"), SYDNEY))
			.contains(Instant.parse("2026-10-03T20:00:00Z"));
	}

	/** A local time is the same clock time in each zone; one a clock change skips moves on by the gap. */
	@Test
	void localTimeSchedules() {
		CampaignDraft.Schedule tenAm = new CampaignDraft.Schedule(null, "2027-02-09T10:00");
		assertThat(DeliveryTimes.due(tenAm, KATHMANDU)).isEqualTo(Instant.parse("2027-02-09T04:15:00Z"));
		assertThat(DeliveryTimes.due(tenAm, SYDNEY)).isEqualTo(Instant.parse("2027-02-08T23:00:00Z"));
		assertThat(DeliveryTimes.firstDue(tenAm)).isEqualTo(Instant.parse("2027-02-08T20:00:00Z"));
		CampaignDraft.Schedule skipped = new CampaignDraft.Schedule(null, "2026-10-04T02:30");
		assertThat(DeliveryTimes.due(skipped, SYDNEY)).isEqualTo(Instant.parse("2026-10-03T16:30:00Z"));
	}

}
