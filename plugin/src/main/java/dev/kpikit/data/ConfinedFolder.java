package dev.kpikit.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A folder that names from outside the code (report parameters, data set settings, schedules,
 * web requests) must stay inside: a data folder for file parameters, a root of templates or data
 * folders for a schedule. A name that leaves it, by {@code ..}, by being absolute or through a
 * symbolic link that points out, is refused with a message naming who gave it. Nothing is read
 * here, so no message can quote a file's content.
 */
public final class ConfinedFolder {

    private final Path folder;
    private final Path real;
    private final String label;

    private ConfinedFolder(Path folder, Path real, String label) {
        this.folder = folder;
        this.real = real;
        this.label = label;
    }

    /**
     * @param label what the folder is to a user, for messages: "the data folder", "the reports root"
     * @throws NoSuchFileException naming the full path when there is no folder there
     */
    public static ConfinedFolder of(Path folder, String label) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new NoSuchFileException(absolute.toString(), null, label + " does not exist or is not a folder");
        }
        return new ConfinedFolder(absolute, absolute.toRealPath(), label);
    }

    /** The folder, absolute, as it was given (not with its links resolved). */
    public Path folder() {
        return folder;
    }

    /**
     * The file that a relative {@code name} names inside the folder (which need not exist yet).
     *
     * @param givenBy who gave the name, for messages: "parameter 'modelFile'"
     * @throws OutsideFolderException for an absolute name, one that goes up out of the folder or
     *                                one that reaches out through a symbolic link
     */
    public Path resolve(String name, String givenBy) throws OutsideFolderException {
        Path relative = Path.of(name.strip());
        if (relative.isAbsolute() || relative.getRoot() != null) {
            throw outside(givenBy, name, "is an absolute path; give a path relative to it");
        }
        return require(folder.resolve(relative), givenBy, name);
    }

    /**
     * {@code path} itself (absolute, or relative to the working folder) when it lies inside the folder.
     *
     * @throws OutsideFolderException as {@link #resolve}, for a path that is not inside
     */
    public Path require(Path path, String givenBy) throws OutsideFolderException {
        return require(path.toAbsolutePath(), givenBy, path.toString());
    }

    private Path require(Path absolute, String givenBy, String shown) throws OutsideFolderException {
        Path normalized = absolute.normalize();
        if (!normalized.startsWith(folder)) {
            throw outside(givenBy, shown, "leads out of it");
        }
        if (!realPathOfNearestExisting(normalized).startsWith(real)) {
            throw outside(givenBy, shown, "leads out of it through a symbolic link");
        }
        return normalized;
    }

    /** The real path of the file, or of its nearest existing parent when it does not exist (yet). */
    private static Path realPathOfNearestExisting(Path path) throws OutsideFolderException {
        for (Path existing = path; existing != null; existing = existing.getParent()) {
            if (Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    return existing.toRealPath();
                } catch (IOException e) {
                    // a dangling link or a loop: its target is nowhere to be checked, so it is not inside
                    return existing.getRoot() == null ? existing : existing.getRoot();
                }
            }
        }
        return path;
    }

    private OutsideFolderException outside(String givenBy, String name, String why) {
        return new OutsideFolderException(givenBy + " must stay inside " + label + " " + folder + ": '" + name + "' " + why);
    }
}
