package org.safesteps.platform;

import java.util.List;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * For functional routes, what {@code produces} does for controllers: a request whose
 * {@code Accept} rules out what the route writes gets 406, not a body it did not ask for.
 */
public final class AcceptableMedia {

	private AcceptableMedia() {
	}

	/** @throws NotAcceptableStatusException when no accepted type is compatible with {@code produced} */
	public static void require(ServerWebExchange exchange, MediaType produced) {
		List<MediaType> accepted;
		try {
			accepted = exchange.getRequest().getHeaders().getAccept();
		}
		catch (InvalidMediaTypeException ex) {
			throw new NotAcceptableStatusException(List.of(produced));
		}
		if (accepted.isEmpty()) {
			return;
		}
		for (MediaType type : accepted) {
			if (type.getQualityValue() > 0 && type.isCompatibleWith(produced)) {
				return;
			}
		}
		throw new NotAcceptableStatusException(List.of(produced));
	}

}
