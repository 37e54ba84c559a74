package com.paymentmigration.lambda.validator.report;

import com.paymentmigration.lambda.validator.ReportStoreException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Reports under a local directory, for operators running the validator from the command line. */
public final class DirectoryReportStore implements ReportStore {

    private final Path root;

    public DirectoryReportStore(Path root) {
        this.root = root;
    }

    @Override
    public void write(String key, byte[] json) {
        var file = root.resolve(key).normalize();
        try {
            Files.createDirectories(file.getParent());
            // Written aside and moved, so a crash never leaves half a report under the real name.
            var partial = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(partial, json);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ReportStoreException("cannot write report " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> read(String key) {
        var file = root.resolve(key).normalize();
        try {
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new ReportStoreException("cannot read report " + file + ": " + e.getMessage(), e);
        }
    }
}
