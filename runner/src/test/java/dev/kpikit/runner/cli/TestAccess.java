package dev.kpikit.runner.cli;

import dev.kpikit.runner.schedule.StoreSettings;

/** Lets tests in other packages resolve a store URL the way the commands do. */
public final class TestAccess {

    private TestAccess() {
    }

    public static StoreSettings store(String url) {
        return StoreOptions.fromUrl(url);
    }
}
