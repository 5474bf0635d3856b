package org.safesteps.statistics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One period's counters of a cube, summed over its days and laid out on the cube's grid (a row
 * per category of its first dimension, a column per category of its second), with the
 * suppression of every count measure decided on the whole grid and its margins. Every table of
 * the period, whatever its grouping, is read from here, so they all agree on what is suppressed.
 */
final class PeriodGrid {

	/** Index of a margin: the sum over all rows, or over all columns. */
	static final int ALL = -1;

	private final int rows;

	private final int columns;

	/** [r][c][measure]; row {@code rows} and column {@code columns} hold the margins. */
	private final long[][][] sums;

	/** [measure][r][c] over the grid with its margins, for count measures; null for the others. */
	private final boolean[][][] suppressed = new boolean[Measure.COUNT][][];

	PeriodGrid(List<String> rowCategories, List<String> columnCategories, List<CounterReader.DayCounts> days,
			List<Measure> protectedMeasures, int k) {
		this.rows = rowCategories.size();
		this.columns = columnCategories.size();
		this.sums = new long[this.rows + 1][this.columns + 1][Measure.COUNT];
		Map<String, Integer> rowIndex = index(rowCategories);
		Map<String, Integer> columnIndex = index(columnCategories);
		int unknownRow = rowIndex.get(Dimension.UNKNOWN);
		int unknownColumn = columnIndex.get(Dimension.UNKNOWN);
		for (CounterReader.DayCounts day : days) {
			day.cells().forEach((cell, values) -> {
				int bar = cell.indexOf('|');
				int r = rowIndex.getOrDefault(cell.substring(0, bar), unknownRow);
				int c = columnIndex.getOrDefault(cell.substring(bar + 1), unknownColumn);
				for (int m = 0; m < Measure.COUNT; m++) {
					this.sums[r][c][m] += values[m];
					this.sums[r][this.columns][m] += values[m];
					this.sums[this.rows][c][m] += values[m];
					this.sums[this.rows][this.columns][m] += values[m];
				}
			});
		}
		for (Measure measure : protectedMeasures) {
			this.suppressed[measure.ordinal()] = protect(measure.ordinal(), k);
		}
	}

	private boolean[][] protect(int m, int k) {
		long[] rowTotals = new long[this.rows];
		long[] columnTotals = new long[this.columns];
		long[][] cells = new long[this.rows][this.columns];
		for (int r = 0; r < this.rows; r++) {
			rowTotals[r] = this.sums[r][this.columns][m];
			for (int c = 0; c < this.columns; c++) {
				cells[r][c] = this.sums[r][c][m];
			}
		}
		for (int c = 0; c < this.columns; c++) {
			columnTotals[c] = this.sums[this.rows][c][m];
		}
		long total = this.sums[this.rows][this.columns][m];
		boolean[] rowLine = Suppression.protectLine(rowTotals, total, k);
		boolean[] columnLine = Suppression.protectLine(columnTotals, total, k);
		boolean totalSuppressed = rowLine[this.rows] || columnLine[this.columns];
		boolean[][] inner = Suppression.protectGrid(cells, java.util.Arrays.copyOf(rowLine, this.rows),
				java.util.Arrays.copyOf(columnLine, this.columns), totalSuppressed, k);
		boolean[][] all = new boolean[this.rows + 1][this.columns + 1];
		for (int r = 0; r < this.rows; r++) {
			System.arraycopy(inner[r], 0, all[r], 0, this.columns);
			all[r][this.columns] = rowLine[r];
		}
		System.arraycopy(columnLine, 0, all[this.rows], 0, this.columns);
		all[this.rows][this.columns] = totalSuppressed;
		return all;
	}

	/** The sums of every measure at a cell or margin ({@link #ALL} for a margin). */
	long[] sums(int row, int column) {
		return this.sums[(row == ALL) ? this.rows : row][(column == ALL) ? this.columns : column];
	}

	/** Whether a count measure is suppressed at a cell or margin. */
	boolean isSuppressed(Measure measure, int row, int column) {
		boolean[][] flags = this.suppressed[measure.ordinal()];
		if (flags == null) {
			throw new IllegalArgumentException(measure + " was not protected");
		}
		return flags[(row == ALL) ? this.rows : row][(column == ALL) ? this.columns : column];
	}

	private static Map<String, Integer> index(List<String> categories) {
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < categories.size(); i++) {
			index.put(categories.get(i), i);
		}
		return index;
	}

}
