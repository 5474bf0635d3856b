package org.safesteps.platform;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The embedded server's H2 store, committed before any command that changed it is answered. H2
 * commits on its own only about once a second, so without this a write or an erasure that the
 * service acknowledged could be lost, or come back, when the process dies.
 * <p>
 * Commits are grouped: a command that changed the store takes a ticket and waits; one thread
 * commits everything written up to the newest ticket in one go and releases every command it
 * covered. Under load one commit covers many writes, so durability costs little throughput.
 */
class DurableH2Backend extends H2Backend {

	private final Object lock = new Object();

	private long requested;

	private long committed;

	private volatile boolean closed;

	/** Set when a commit failed: nothing after it can be promised, so commands fail too. */
	private volatile RuntimeException failure;

	private final Thread committer;

	DurableH2Backend(String fileName) {
		super(fileName);
		this.committer = new Thread(this::commitLoop, "h2-group-commit");
		this.committer.setDaemon(true);
		this.committer.start();
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		try {
			return super.handleCommand(channel, database, command, query);
		}
		finally {
			if (getMvStore().hasUnsavedChanges()) {
				awaitCommit();
			}
		}
	}

	/** Waits until a commit that started after this command's changes has finished. */
	private void awaitCommit() {
		synchronized (this.lock) {
			long ticket = ++this.requested;
			this.lock.notifyAll();
			while (this.committed < ticket && !this.closed && this.failure == null) {
				try {
					this.lock.wait();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted before the store was committed", ex);
				}
			}
		}
		if (this.failure != null) {
			throw new IllegalStateException("The store could not be committed", this.failure);
		}
	}

	private void commitLoop() {
		while (!this.closed) {
			long target;
			synchronized (this.lock) {
				while (this.requested == this.committed && !this.closed) {
					try {
						this.lock.wait();
					}
					catch (InterruptedException ex) {
						return;
					}
				}
				target = this.requested;
			}
			if (this.closed) {
				return;
			}
			try {
				commit();
			}
			catch (RuntimeException ex) {
				this.failure = ex;
			}
			synchronized (this.lock) {
				this.committed = target;
				this.lock.notifyAll();
			}
		}
	}

	@Override
	public void close() {
		synchronized (this.lock) {
			this.closed = true;
			this.lock.notifyAll();
		}
		super.close();
	}

}
