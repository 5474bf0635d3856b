package org.safesteps.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which cells of a count table are published as suppressed rather than as numbers.
 *
 * <p>
 * Primary suppression: every cell under k, zero included (a zero says "no child here", which
 * can single children out in combination). Complementary suppression: the published cells of a
 * table with its margins are linear equations on its cells; a suppressed cell must not be pinned
 * down by them.
 *
 * <p>
 * A table with margins is an (R+1)×(C+1) grid (row R holds the column totals, column C the row
 * totals, the corner the grand total). Negating the margins turns every line of the grid into
 * "sums to zero", so the values of the suppressed cells can change without changing anything
 * published exactly along cycles of suppressed cells that alternate between a row and a column.
 * A suppressed cell is therefore pinned down if and only if it lies on no such cycle: if it is a
 * bridge of the bipartite graph whose nodes are the grid's lines and whose edges are its
 * suppressed cells. Complementary suppression adds the cheapest cells that close a cycle through
 * each bridge until none is left.
 *
 * <p>
 * Every grouping published for a period is a part of one such grid (by region: the row totals;
 * by age band: the column totals; by both: the cells; overall: the corner), and the margins are
 * protected first as tables of their own, the same way whichever grid they come from, so tables
 * grouped differently over the same period never combine to reveal a suppressed cell.
 */
final class Suppression {

	private Suppression() {
	}

	/**
	 * A one-way table and its total: one line, so a suppressed value is pinned down exactly when
	 * it is the only one suppressed. The complement is the smallest other cell, never the total
	 * while a cell will do (a suppressed total would spread to every table that shares it).
	 * @return for each cell, then the total (last), whether it is suppressed
	 */
	static boolean[] protectLine(long[] cells, long total, int k) {
		boolean[] suppressed = new boolean[cells.length + 1];
		for (int i = 0; i < cells.length; i++) {
			suppressed[i] = cells[i] < k;
		}
		suppressed[cells.length] = total < k;
		if (cells.length == 1) {
			// the one cell is the total
			boolean either = suppressed[0] || suppressed[1];
			suppressed[0] = either;
			suppressed[1] = either;
			return suppressed;
		}
		int count = 0;
		for (boolean s : suppressed) {
			count += s ? 1 : 0;
		}
		if (count == 1) {
			int cheapest = -1;
			for (int i = 0; i < cells.length; i++) {
				if (!suppressed[i] && (cheapest < 0 || cells[i] < cells[cheapest])) {
					cheapest = i;
				}
			}
			suppressed[(cheapest >= 0) ? cheapest : cells.length] = true;
		}
		return suppressed;
	}

	/**
	 * The cells of a two-way table to suppress, given which of its margins are suppressed (decided
	 * before, by {@link #protectLine}, and not changed here).
	 * @param cells R rows of C counts
	 * @param rowTotalSuppressed for each row, whether its total is suppressed
	 * @param columnTotalSuppressed for each column, whether its total is suppressed
	 * @return for each cell whether it is suppressed
	 */
	static boolean[][] protectGrid(long[][] cells, boolean[] rowTotalSuppressed, boolean[] columnTotalSuppressed,
			boolean totalSuppressed, int k) {
		int rows = cells.length;
		int columns = (rows > 0) ? cells[0].length : 0;
		Grid grid = new Grid(rows, columns);
		for (int r = 0; r < rows; r++) {
			for (int c = 0; c < columns; c++) {
				grid.suppressed[r][c] = cells[r][c] < k;
				grid.value[r][c] = cells[r][c];
			}
			grid.suppressed[r][columns] = rowTotalSuppressed[r];
		}
		for (int c = 0; c < columns; c++) {
			grid.suppressed[rows][c] = columnTotalSuppressed[c];
		}
		grid.suppressed[rows][columns] = totalSuppressed;
		if (rows == 0 || columns == 0) {
			return new boolean[rows][columns];
		}
		if (rows == 1 || columns == 1) {
			// a single row or column: its cells are the other margin; they share its status
			boolean[][] result = new boolean[rows][columns];
			for (int r = 0; r < rows; r++) {
				for (int c = 0; c < columns; c++) {
					result[r][c] = (rows == 1) ? columnTotalSuppressed[c] : rowTotalSuppressed[r];
				}
			}
			return result;
		}
		int[] bridge;
		while ((bridge = grid.aBridge()) != null) {
			if (!grid.closeCycleThrough(bridge[0], bridge[1])) {
				// no cycle of four can be closed: suppress every cell (never expected with two or more
				// rows and columns, kept so that the table is safe whatever happens)
				for (boolean[] row : grid.suppressed) {
					Arrays.fill(row, 0, columns, true);
				}
				break;
			}
		}
		boolean[][] result = new boolean[rows][columns];
		for (int r = 0; r < rows; r++) {
			result[r] = Arrays.copyOf(grid.suppressed[r], columns);
		}
		return result;
	}

	/** The grid with its margins; only cells (not margins) may be added to the suppressed ones. */
	private static final class Grid {

		final int rows;

		final int columns;

		final boolean[][] suppressed;

		final long[][] value;

		Grid(int rows, int columns) {
			this.rows = rows;
			this.columns = columns;
			this.suppressed = new boolean[rows + 1][columns + 1];
			this.value = new long[rows + 1][columns + 1];
		}

		/**
		 * Suppresses the cheapest cells that, with (r, c), make a cycle of four: (r, c'), (r', c),
		 * (r', c'). Margins already suppressed may be part of it; margins not suppressed may not.
		 */
		boolean closeCycleThrough(int r, int c) {
			long best = Long.MAX_VALUE;
			int bestRow = -1;
			int bestColumn = -1;
			for (int r2 = 0; r2 <= this.rows; r2++) {
				if (r2 == r) {
					continue;
				}
				for (int c2 = 0; c2 <= this.columns; c2++) {
					if (c2 == c) {
						continue;
					}
					long cost = cost(r, c2) + cost(r2, c) + cost(r2, c2);
					if (cost >= 0 && cost < best) {
						best = cost;
						bestRow = r2;
						bestColumn = c2;
					}
				}
			}
			if (bestRow < 0) {
				return false;
			}
			this.suppressed[r][bestColumn] = true;
			this.suppressed[bestRow][c] = true;
			this.suppressed[bestRow][bestColumn] = true;
			return true;
		}

		/**
		 * What suppressing the cell costs: nothing if it is suppressed already, its value plus one
		 * if it is a cell (so that empty cells are not free), and impossible (-huge) for a published margin.
		 */
		private long cost(int r, int c) {
			if (this.suppressed[r][c]) {
				return 0;
			}
			if (r == this.rows || c == this.columns) {
				return Long.MIN_VALUE / 4;
			}
			return this.value[r][c] + 1;
		}

		/** A suppressed cell that is a bridge, as {row, column}, or null when there is none. */
		int[] aBridge() {
			int nodes = this.rows + 1 + this.columns + 1;
			List<List<int[]>> edges = new ArrayList<>();
			for (int i = 0; i < nodes; i++) {
				edges.add(new ArrayList<>());
			}
			int edgeId = 0;
			for (int r = 0; r <= this.rows; r++) {
				for (int c = 0; c <= this.columns; c++) {
					if (this.suppressed[r][c]) {
						int rowNode = r;
						int columnNode = this.rows + 1 + c;
						edges.get(rowNode).add(new int[] { columnNode, edgeId, r, c });
						edges.get(columnNode).add(new int[] { rowNode, edgeId, r, c });
						edgeId++;
					}
				}
			}
			int[] order = new int[nodes];
			int[] low = new int[nodes];
			Arrays.fill(order, -1);
			int[] counter = { 0 };
			for (int start = 0; start < nodes; start++) {
				if (order[start] < 0) {
					int[] found = bridgeFrom(start, edges, order, low, counter);
					if (found != null) {
						return found;
					}
				}
			}
			return null;
		}

		/** Tarjan's bridge search, iterative (tables can have hundreds of lines). */
		private static int[] bridgeFrom(int start, List<List<int[]>> edges, int[] order, int[] low, int[] counter) {
			// stack frames: node, the edge id it was reached by, the next neighbour index
			List<int[]> stack = new ArrayList<>();
			order[start] = counter[0]++;
			low[start] = order[start];
			stack.add(new int[] { start, -1, 0 });
			while (!stack.isEmpty()) {
				int[] frame = stack.get(stack.size() - 1);
				int node = frame[0];
				List<int[]> neighbours = edges.get(node);
				if (frame[2] < neighbours.size()) {
					int[] edge = neighbours.get(frame[2]++);
					if (edge[1] == frame[1]) {
						continue;
					}
					int next = edge[0];
					if (order[next] < 0) {
						order[next] = counter[0]++;
						low[next] = order[next];
						stack.add(new int[] { next, edge[1], 0 });
					}
					else {
						low[node] = Math.min(low[node], order[next]);
					}
				}
				else {
					stack.remove(stack.size() - 1);
					if (!stack.isEmpty()) {
						int parent = stack.get(stack.size() - 1)[0];
						low[parent] = Math.min(low[parent], low[node]);
						if (low[node] > order[parent]) {
							// the edge parent-node is a bridge
							for (int[] edge : edges.get(parent)) {
								if (edge[1] == frame[1]) {
									return new int[] { edge[2], edge[3] };
								}
							}
						}
					}
				}
			}
			return null;
		}

	}

}
