package io.callemu.emulator.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README shows example files that run in this build word for word: each code block after an
 * {@code <!-- example: path -->} marker is that file's content.
 */
class ReadmeExamplesTest {

  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern EXAMPLE = Pattern.compile("<!-- example: (\\S+) -->\\n```\\w*\\n(.*?)```",
      Pattern.DOTALL);

  @Test
  void everyExampleIsItsFileWordForWord() throws IOException {
    Matcher m = EXAMPLE.matcher(Files.readString(REPOSITORY.resolve("README.md")));
    int examples = 0;
    while (m.find()) {
      examples++;
      assertThat(m.group(2)).as("the README's copy of " + m.group(1))
          .isEqualTo(Files.readString(REPOSITORY.resolve(m.group(1))));
    }
    assertThat(examples).as("examples in the README").isPositive();
  }
}
