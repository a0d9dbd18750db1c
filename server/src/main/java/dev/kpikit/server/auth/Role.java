package dev.kpikit.server.auth;

import java.util.Locale;

/** What a user may do: viewers run and download reports; operators also run, pause and retry schedules; admins everything. */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    public boolean includes(Role needed) {
        return ordinal() >= needed.ordinal();
    }

    /** viewer, operator or admin, in any case; the refusal names the three. */
    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return role;
            }
        }
        throw new IllegalArgumentException("role must be viewer, operator or admin, found '" + text + "'");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
