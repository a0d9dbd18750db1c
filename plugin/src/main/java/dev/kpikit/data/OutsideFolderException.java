package dev.kpikit.data;

import java.io.IOException;

/**
 * A name from outside (a parameter, a setting, a schedule) leads out of the folder it must stay in
 * ({@link ConfinedFolder}). The message names who gave it and the folder, never a file's content.
 */
public final class OutsideFolderException extends IOException {

    private static final long serialVersionUID = 1L;

    OutsideFolderException(String message) {
        super(message);
    }
}
