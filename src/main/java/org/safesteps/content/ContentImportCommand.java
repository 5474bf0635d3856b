package org.safesteps.content;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code scripts/import-content}: started with the argument {@code import-content} and no web
 * server, the service imports the content at start-up (see {@link ContentStartup}), logs what
 * changed, and exits 0. Invalid content or an unreachable MongoDB make the start fail, so the
 * command exits non-zero.
 */
@Component
class ContentImportCommand implements ApplicationRunner {

	private final ConfigurableApplicationContext context;

	private final ContentCatalog catalog;

	ContentImportCommand(ConfigurableApplicationContext context, ContentCatalog catalog) {
		this.context = context;
		this.catalog = catalog;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (args.getNonOptionArgs().contains("import-content")) {
			int code = (this.catalog.contentVersion() > 0) ? 0 : 1;
			System.exit(SpringApplication.exit(this.context, () -> code));
		}
	}

}
