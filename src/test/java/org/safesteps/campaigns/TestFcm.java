package org.safesteps.campaigns;

/** One FCM stub for every test context, as one FCM serves every instance; tests tell their messages apart by token. */
public final class TestFcm {

	static final FcmStub STUB = FcmStub.start(0, true);

	private TestFcm() {
	}

	/** Where the service under test sends FCM requests. */
	public static String endpoint() {
		return STUB.endpoint();
	}

}
