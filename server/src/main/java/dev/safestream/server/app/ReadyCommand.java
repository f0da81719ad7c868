package dev.safestream.server.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ready}: asks a running server's {@code /readyz} and exits 0 when it is ready, 1 when not (printing why).
 * With {@code --wait} it asks again until the server is ready or the time is up: the packaged systemd unit runs it
 * as {@code ExecStartPost}, so {@code systemctl start} returns once the server can serve, and a container health
 * check can run it as it is.
 */
@Command(
        name = "ready",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description =
                "Exit 0 when the server at --url answers /readyz with 200 (pipeline moving, database and model up).")
final class ReadyCommand implements Callable<Integer> {
    @Option(
            names = "--url",
            description = "The server's base URL (default: APP_HOST, or loopback when it binds every address, and"
                    + " APP_PORT, as serve reads them).")
    URI url;

    @Option(
            names = "--wait",
            defaultValue = "0",
            description = "Seconds to keep asking until the server is ready; 0 asks once.")
    long waitSeconds;

    @Override
    public Integer call() throws InterruptedException {
        if (url == null) {
            url = localUrl(System.getenv("APP_HOST"), System.getenv("APP_PORT"));
        }
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        HttpRequest request = HttpRequest.newBuilder(url.resolve("/readyz"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
        String last;
        while (true) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    System.out.println(response.body());
                    return 0;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = "no answer from " + url + ": " + e.getMessage();
            }
            if (System.nanoTime() >= deadline) {
                System.err.println("not ready: " + last);
                return 1;
            }
            Thread.sleep(500);
        }
    }

    static URI localUrl(String host, String port) {
        String h = host == null || host.isBlank() || host.equals("0.0.0.0")
                ? "127.0.0.1"
                : host.equals("::") ? "::1" : host;
        String p = port == null || port.isBlank() ? "8000" : port;
        return URI.create("http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + p);
    }
}
