package dev.kpikit.runner.excel;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** Small look-ups in rendered workbooks. */
final class Outputs {

    private Outputs() {
    }

    static Row firstRowWithDate(Sheet sheet) {
        for (Row row : sheet) {
            var cell = row.getCell(0);
            if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                return row;
            }
        }
        throw new AssertionError("no date in column A of " + sheet.getSheetName());
    }
}
