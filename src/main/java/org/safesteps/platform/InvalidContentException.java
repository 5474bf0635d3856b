package org.safesteps.platform;

import java.util.Map;

/**
 * A content or translation file that cannot be loaded. Names the file, the JSON pointer inside
 * it and the reason, so an author can fix it without guessing.
 */
public class InvalidContentException extends ApiProblem {

	private final String file;

	private final String pointer;

	private final String reason;

	public InvalidContentException(String file, String pointer, String reason) {
		super(ProblemType.INVALID_CONTENT, Map.of(),
				Map.of("file", file, "pointer", pointer.isEmpty() ? "/" : pointer, "reason", reason));
		this.file = file;
		this.pointer = pointer.isEmpty() ? "/" : pointer;
		this.reason = reason;
	}

	public String file() {
		return this.file;
	}

	public String pointer() {
		return this.pointer;
	}

	public String reason() {
		return this.reason;
	}

	@Override
	public String getMessage() {
		return this.file + " at " + this.pointer + ": " + this.reason;
	}

}
