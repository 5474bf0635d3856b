package org.safesteps.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Policy polls written into a test's own copy of content/ (see {@link ContentFolders}). */
public final class TestPolls {

	private TestPolls() {
	}

	/**
	 * A poll for children of 9-17 in TH and VN: a Likert question {@code feel-safe}, a multiple
	 * choice {@code what-worries} (strangers, unkind, nothing) and an optional free text {@code what-helps}.
	 */
	public static void write(Path work, String id, String opens, String closes) throws IOException {
		Files.writeString(work.resolve("content/polls/" + id + ".yaml"), """
				id: %s
				purpose: policy
				audience: child
				topic: getting-help
				capabilities: [MNR-14]
				title: Feeling safe online (test)
				policyQuestion: What makes children feel safe online?
				askedBy: SafeSteps test suite
				targets: { countries: [TH, VN], audiences: [child], ageBands: ["9-12", "13-17"] }
				opens: "%s"
				closes: "%s"
				questions:
				  - key: feel-safe
				    type: likert-5
				    prompt: How safe do you feel online?
				    options:
				      - { key: "1", text: Not safe at all }
				      - { key: "2", text: Not very safe }
				      - { key: "3", text: In between }
				      - { key: "4", text: Quite safe }
				      - { key: "5", text: Very safe }
				  - key: what-worries
				    type: multiple-choice
				    prompt: What worries you online?
				    options:
				      - { key: strangers, text: People I do not know }
				      - { key: unkind, text: Unkind messages }
				      - { key: nothing, text: Nothing }
				  - key: what-helps
				    type: free-text
				    optional: true
				    prompt: What would help you feel safer? Do not write your name or number.
				""".formatted(id, opens, closes));
	}

}
