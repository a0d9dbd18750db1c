package dev.kpikit.kpi;

import java.util.ResourceBundle;

/** A localisable text: a message key looked up in a resource bundle, and the English default. */
public record Label(String key, String text) {

    /** The bundle's text for the key, or the default text when there is no bundle, no key or no entry. */
    public String in(ResourceBundle messages) {
        return messages != null && key != null && messages.containsKey(key) ? messages.getString(key) : text;
    }
}
