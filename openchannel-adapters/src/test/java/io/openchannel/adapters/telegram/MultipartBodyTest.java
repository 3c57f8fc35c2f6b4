package io.openchannel.adapters.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartBodyTest {
  @Test
  void writesFieldsThenTheFileBetweenBoundaries() throws IOException {
    MultipartBody body = new MultipartBody("b0undary")
        .field("chat_id", "42").field("caption", "Hi 👋")
        .file("document", "a.txt", "text/plain", () -> new ByteArrayInputStream(new byte[] {'x', 'y'}));

    assertThat(body.contentType()).isEqualTo("multipart/form-data; boundary=b0undary");
    assertThat(text(body)).isEqualTo("--b0undary\r\n"
        + "Content-Disposition: form-data; name=\"chat_id\"\r\n\r\n42\r\n"
        + "--b0undary\r\n"
        + "Content-Disposition: form-data; name=\"caption\"\r\n\r\nHi 👋\r\n"
        + "--b0undary\r\n"
        + "Content-Disposition: form-data; name=\"document\"; filename=\"a.txt\"\r\n"
        + "Content-Type: text/plain\r\n\r\nxy\r\n"
        + "--b0undary--\r\n");
  }

  @Test
  void quotesAndLineBreaksInAFileNameCannotBreakOutOfTheHeader() throws IOException {
    MultipartBody body = new MultipartBody("b").file("document", "evil\"\r\nX-Injected: 1.txt",
        "text/plain\r\nX: y", () -> new ByteArrayInputStream(new byte[0]));

    String text = text(body);
    assertThat(text).contains("filename=\"evil%22%0D%0AX-Injected: 1.txt\"");
    assertThat(text).doesNotContain("\r\nX-Injected").doesNotContain("\r\nX: y");
  }

  @Test
  void whatWasWrittenParsesBackToTheSameParts() throws IOException {
    byte[] binary = {0, (byte) 0xFF, '\r', '\n', '-', '-', 'b'};
    MultipartBody body = new MultipartBody("zz-9").field("chat_id", "-100123")
        .file("photo", "ünïcode.png", "image/png", () -> new ByteArrayInputStream(binary));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    body.writeTo(out);

    var parts = Multipart.parse(body.contentType(), out.toByteArray());

    assertThat(parts.get("chat_id").text()).isEqualTo("-100123");
    assertThat(parts.get("photo").fileName()).isEqualTo("ünïcode.png");
    assertThat(parts.get("photo").bytes()).isEqualTo(binary);
  }

  @Test
  void nothingComesAfterTheFile() {
    MultipartBody body = new MultipartBody("b").file("voice", "v.ogg", "audio/ogg",
        () -> new ByteArrayInputStream(new byte[0]));

    assertThatThrownBy(() -> body.field("caption", "late")).isInstanceOf(IllegalStateException.class);
  }

  private static String text(MultipartBody body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    body.writeTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
