package dev.kpikit.runner.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.kpikit.data.ConfinedFolder;
import dev.kpikit.data.OutsideFolderException;

/**
 * The folders a schedules file may name secret files in (smtp and store {@code passwordFile}, a webhook's
 * {@code webhookFile}): the schedules file's own folder, {@code /run/secrets} (Docker and Kubernetes secrets) and
 * those the operator adds with {@code --secrets-root}. A secret file is sent to a host the file names, so without
 * them whoever writes the file could have any file of the runner's (an SSH key) mailed to an SMTP host of their own.
 */
public final class SecretRoots {

    /** Where Docker and Kubernetes mount secrets. */
    static final Path CONTAINER_SECRETS = Path.of("/run/secrets");

    /** The defaults alone: the schedules file's folder and /run/secrets. */
    public static final SecretRoots DEFAULTS = new SecretRoots(List.of());

    private final List<ConfinedFolder> roots;

    private SecretRoots(List<ConfinedFolder> roots) {
        this.roots = roots;
    }

    /**
     * The defaults and the operator's {@code added} folders.
     *
     * @throws java.nio.file.NoSuchFileException naming a root that is not a folder
     */
    public static SecretRoots of(List<Path> added) throws IOException {
        List<ConfinedFolder> roots = new ArrayList<>();
        for (Path folder : added) {
            roots.add(ConfinedFolder.of(folder, "the secrets root"));
        }
        return new SecretRoots(List.copyOf(roots));
    }

    /** These roots with the defaults for one schedules file: its folder and /run/secrets when there is one. */
    SecretRoots forFile(Path schedulesFile) throws IOException {
        List<ConfinedFolder> all = new ArrayList<>();
        all.add(ConfinedFolder.of(schedulesFile.toAbsolutePath().getParent(), "the schedules file's folder"));
        if (Files.isDirectory(CONTAINER_SECRETS)) {
            all.add(ConfinedFolder.of(CONTAINER_SECRETS, "the secrets root"));
        }
        all.addAll(roots);
        return new SecretRoots(List.copyOf(all));
    }

    /**
     * Why {@code secret} may not be read, or nothing when it lies under one of the roots ({@code ..}, symbolic links
     * out and absolute paths elsewhere are refused as for data paths).
     *
     * @param givenBy who names it, for the message: "smtp, field 'passwordFile'"
     */
    Optional<String> refusal(Path secret, String givenBy) {
        String why = givenBy + " must stay inside a secrets root: '" + secret + "' leads out of them";
        for (ConfinedFolder root : roots) {
            try {
                root.require(secret, givenBy);
                return Optional.empty();
            } catch (OutsideFolderException e) {
                if (secret.toAbsolutePath().normalize().startsWith(root.folder())) {
                    why = e.getMessage(); // inside by name, out by a link: that root says so
                }
            }
        }
        String folders = roots.stream().map(root -> root.folder().toString()).collect(Collectors.joining(", "));
        return Optional.of(why + "; the secrets roots are " + folders + " (add one with --secrets-root DIR)");
    }
}
