package dev.safestream.console.app;

import dev.safestream.console.actions.ActionsView;
import dev.safestream.console.actions.ActionsViewModel;
import dev.safestream.console.actions.MutePreset;
import dev.safestream.console.audit.AuditView;
import dev.safestream.console.audit.AuditViewModel;
import dev.safestream.console.audit.SanctionsViewModel;
import dev.safestream.console.charts.ChartsView;
import dev.safestream.console.charts.ChatStats;
import dev.safestream.console.charts.TilesView;
import dev.safestream.console.charts.TilesViewModel;
import dev.safestream.console.feed.FeedView;
import dev.safestream.console.feed.FeedViewModel;
import dev.safestream.console.net.ConnectionStatus;
import dev.safestream.console.net.ServerClient;
import dev.safestream.console.net.Session;
import dev.safestream.console.net.UserAction;
import dev.safestream.console.people.PeopleView;
import dev.safestream.console.people.PeopleViewModel;
import dev.safestream.console.queue.QueueView;
import dev.safestream.console.queue.QueueViewModel;
import dev.safestream.console.settings.SettingsView;
import dev.safestream.console.settings.SettingsViewModel;
import dev.safestream.console.ui.UiExecutor;
import dev.safestream.console.users.UserCardView;
import dev.safestream.console.users.UserCardViewModel;
import dev.safestream.console.users.UserNotes;
import dev.safestream.console.webcam.WebcamView;
import dev.safestream.console.webcam.WebcamViewModel;
import dev.safestream.protocol.ServerEvent;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One logged-in console: the view models of every feature, their views, and the wiring between them. The network
 * thread feeds {@link EventBatcher}; everything else here runs on the FX thread.
 */
public final class ModeratorConsole implements AutoCloseable {
    public static final int FEED_CAPACITY = 5_000;

    /** How long closing waits for the connection to say goodbye before it gives up on it. */
    public static final Duration CLOSE_LIMIT = Duration.ofSeconds(2);

    final Session session;
    final ServerClient client;
    final String channel;
    final FeedViewModel feed = new FeedViewModel(FEED_CAPACITY);
    final ChatStats stats;
    final TilesViewModel tiles;
    final QueueViewModel queue;
    final ActionsViewModel actions;
    final SettingsViewModel settings;
    final AuditViewModel audit;
    final SanctionsViewModel sanctions;
    final PeopleViewModel people;
    final UserCardViewModel userCard;
    final WebcamViewModel webcam;
    final EventBatcher batcher;
    final ObjectProperty<ConnectionStatus> status = new SimpleObjectProperty<>(ConnectionStatus.CONNECTING);
    final StringProperty statusDetail = new SimpleStringProperty("");
    final MainView view;
    private final AtomicBoolean disconnected = new AtomicBoolean();
    private boolean dropped;

    public ModeratorConsole(
            ConsoleEnvironment environment,
            ServerClient client,
            Session session,
            String channel,
            UiExecutor ui,
            Consumer<String> onAuthExpired) {
        this.session = session;
        this.client = client;
        this.channel = channel;
        this.stats = new ChatStats(environment.clock());
        this.tiles = new TilesViewModel(stats);
        this.queue = new QueueViewModel(client, ui, channel);
        this.actions = new ActionsViewModel(client, ui, channel);
        this.settings = new SettingsViewModel(client, ui, channel);
        // admins also see site actions (accounts, roles) in the audit view
        this.audit = new AuditViewModel(client, ui, channel, session.isAdmin());
        this.sanctions = new SanctionsViewModel(client, ui, channel, java.time.ZoneId.systemDefault());
        this.people = new PeopleViewModel(client, ui, channel, session);
        this.userCard = new UserCardViewModel(
                client,
                ui,
                channel,
                feed,
                UserNotes.preferences(environment.prefs().node("notes")),
                environment.clock());
        this.webcam = new WebcamViewModel(environment.cameras(), ui);
        tiles.heldProperty().bind(queue.sizeProperty());

        this.batcher = new EventBatcher(ui);
        batcher.subscribe(feed::apply);
        batcher.subscribe(stats::apply);
        batcher.subscribe(tiles::apply);
        batcher.subscribe(queue::apply);

        ActionsView actionsView = new ActionsView(actions);
        this.view = new MainView(
                this,
                new FeedView(feed),
                new QueueView(queue),
                actionsView,
                new TilesView(tiles),
                new ChartsView(stats, tiles),
                new SettingsView(settings),
                new AuditView(audit, sanctions),
                new PeopleView(people),
                new UserCardView(userCard, (what, user) -> act(actionsView, what, user)),
                new WebcamView(webcam));

        client.connect(channel, new ServerClient.EventListener() {
            @Override
            public void onEvent(ServerEvent event) {
                batcher.offer(event);
            }

            @Override
            public void onStatus(ConnectionStatus now, String detail) {
                ui.execute(() -> {
                    status.set(now);
                    statusDetail.set(detail == null ? "" : detail);
                    if (now == ConnectionStatus.RECONNECTING) {
                        dropped = true;
                    } else if (now == ConnectionStatus.CONNECTED && dropped) {
                        dropped = false;
                        queue.load(); // resubscribed: catch up on what was held or decided meanwhile
                    }
                    if (now == ConnectionStatus.AUTH_EXPIRED) {
                        onAuthExpired.accept("session expired; log in again");
                    }
                });
            }
        });
        client.recent(channel, 200).thenAccept(events -> events.forEach(batcher::offer));
        client.figures(channel)
                .thenAcceptAsync(
                        f -> {
                            tiles.viewersProperty().set(f.viewerCount());
                            tiles.giftsProperty().set(f.giftCount());
                        },
                        ui);
        queue.load();
        settings.load();
        audit.load();
        sanctions.load();
    }

    private void act(ActionsView actionsView, String what, String user) {
        switch (what) {
            case "mute10m" -> {
                actions.mutePresetProperty().set(MutePreset.TEN_MINUTES);
                actionsView.run(UserAction.Kind.MUTE, user);
            }
            case "kick" -> actionsView.run(UserAction.Kind.KICK, user);
            case "ban" -> actionsView.run(UserAction.Kind.BAN, user);
            case "unmute" -> actionsView.run(UserAction.Kind.UNMUTE, user);
            case "unban" -> actionsView.run(UserAction.Kind.UNBAN, user);
            default -> throw new IllegalArgumentException(what);
        }
    }

    /** Fills a blank reason with a quick reason (the message's top category), so a key press carries a why. */
    void suggestReason(String category) {
        String current = actions.reasonProperty().get();
        if ((current == null || current.isBlank()) && category != null) {
            actions.reasonProperty().set(category);
        }
    }

    /** Mutes a user for a preset length at once (number keys in the feed). */
    void mute(String user, MutePreset preset) {
        actions.mute(user, preset);
    }

    public MainView view() {
        return view;
    }

    public FeedViewModel feed() {
        return feed;
    }

    public QueueViewModel queue() {
        return queue;
    }

    public TilesViewModel tiles() {
        return tiles;
    }

    public ObjectProperty<ConnectionStatus> statusProperty() {
        return status;
    }

    /**
     * Stops the camera and closes the connection, waiting at most {@code limit} for the server's goodbye; the rest
     * finishes on a daemon thread. Touches no JavaFX state, so any thread may call it, a shutdown hook included, after
     * the FX thread is gone. Only the first call does anything.
     *
     * @return false when the connection was still closing at the limit
     */
    public boolean disconnect(Duration limit) {
        if (!disconnected.compareAndSet(false, true)) {
            return true;
        }
        Thread closing = Thread.ofPlatform().name("console-close").daemon().start(() -> {
            webcam.close();
            client.close();
        });
        try {
            return closing.join(limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the view's timers (FX thread) and disconnects. */
    @Override
    public void close() {
        view.close();
        disconnect(CLOSE_LIMIT);
    }
}
