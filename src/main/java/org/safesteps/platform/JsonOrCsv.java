package org.safesteps.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;

/** Tables answered as JSON, or as a CSV file to save when the client prefers {@code text/csv}. */
public final class JsonOrCsv {

	public static final String CSV = "text/csv";

	private JsonOrCsv() {
	}

	/** JSON, unless the client prefers CSV; never cached. */
	public static <T> ResponseEntity<Object> respond(ServerWebExchange exchange, T table, Function<T, String> csv,
			String fileName) {
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok().cacheControl(CacheControl.noStore());
		if (prefersCsv(exchange)) {
			return ok.contentType(MediaType.parseMediaType(CSV + ";charset=UTF-8"))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + ".csv\"")
				.body(csv.apply(table));
		}
		return ok.contentType(MediaType.APPLICATION_JSON).body(table);
	}

	private static boolean prefersCsv(ServerWebExchange exchange) {
		List<MediaType> accepted = new ArrayList<>(exchange.getRequest().getHeaders().getAccept());
		accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		MediaType csv = MediaType.parseMediaType(CSV);
		for (MediaType type : accepted) {
			if (type.getQualityValue() <= 0) {
				continue;
			}
			if (type.includes(MediaType.APPLICATION_JSON)) {
				return false;
			}
			if (type.includes(csv)) {
				return true;
			}
		}
		return false;
	}

}
