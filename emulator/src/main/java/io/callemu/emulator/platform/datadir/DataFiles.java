package io.callemu.emulator.platform.datadir;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/** Writing files into the data dir so that readers never see half a file and secrets stay private. */
public final class DataFiles {

  private DataFiles() {
  }

  /**
   * Writes {@code content} to a temporary file beside {@code target} and moves it into place. The
   * temporary file is created owner-only (as {@link Files#createTempFile} does on POSIX), so a
   * secret is never readable by others, not even briefly; a public file is opened up to 0644
   * before the move. On non-POSIX systems the file keeps the directory's default ACL.
   */
  public static void writeAtomically(Path target, byte[] content, boolean secret) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      Files.write(temp, content);
      PosixFileAttributeView posix = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
      if (posix != null) {
        posix.setPermissions(PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"));
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
