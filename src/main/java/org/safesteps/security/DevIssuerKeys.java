package org.safesteps.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The local profile's key pair, created on first run under {@code ./data/dev-issuer}, and its
 * subject-key secret. {@code scripts/dev-token} signs tokens with the same private key.
 */
final class DevIssuerKeys {

	static final String PRIVATE_KEY_FILE = "private-key.pem";

	static final String SUBJECT_SECRET_FILE = "subject-key-secret";

	private DevIssuerKeys() {
	}

	/**
	 * Whether the dev issuer is on.
	 * @throws IllegalStateException when it is switched on outside the {@code local} profile
	 */
	static boolean allowed(SecurityProperties properties, Environment environment) {
		boolean enabled = properties.devIssuer().enabled();
		if (enabled && !environment.acceptsProfiles(Profiles.of("local"))) {
			throw new IllegalStateException(
					"safesteps.security.dev-issuer.enabled is only allowed in the 'local' profile; refusing to start");
		}
		return enabled;
	}

	static RSAPublicKey publicKey(Path directory) {
		try {
			Path file = directory.resolve(PRIVATE_KEY_FILE);
			if (!Files.exists(file)) {
				create(directory);
			}
			String pem = Files.readString(file, StandardCharsets.US_ASCII)
				.replaceAll("-----[A-Z ]+-----", "")
				.replaceAll("\\s", "");
			KeyFactory factory = KeyFactory.getInstance("RSA");
			RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
			return (RSAPublicKey) factory
				.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The dev issuer key in " + directory + " cannot be read", ex);
		}
	}

	static String subjectKeySecret(Path directory) {
		try {
			Path file = directory.resolve(SUBJECT_SECRET_FILE);
			if (!Files.exists(file)) {
				Files.createDirectories(directory);
				byte[] secret = new byte[32];
				new SecureRandom().nextBytes(secret);
				writeOwnerOnly(file, HexFormat.of().formatHex(secret));
			}
			return Files.readString(file, StandardCharsets.US_ASCII).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void create(Path directory) throws IOException, GeneralSecurityException {
		Files.createDirectories(directory);
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		byte[] encoded = generator.generateKeyPair().getPrivate().getEncoded();
		String pem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(encoded)
				+ "\n-----END PRIVATE KEY-----\n";
		writeOwnerOnly(directory.resolve(PRIVATE_KEY_FILE), pem);
	}

	/** Creates the file readable by its owner only, before any secret is written to it. */
	private static void writeOwnerOnly(Path file, String content) throws IOException {
		Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		Files.writeString(file, content, StandardCharsets.US_ASCII);
	}

}
