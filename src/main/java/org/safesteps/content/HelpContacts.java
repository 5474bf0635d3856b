package org.safesteps.content;

import java.util.List;

/**
 * A country's verified help services in one locale: what a child who signals danger is shown.
 *
 * @param services child helplines first, then services to report abuse material, then emergency
 */
public record HelpContacts(String country, String countryName, List<Service> services) {

	/** @param kind {@code child-helpline}, {@code report-abuse-material} or {@code emergency} */
	public record Service(String kind, String name, String number, String url, String hours) {
	}

}
