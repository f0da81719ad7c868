package dev.safestream.server.gifts;

import dev.safestream.protocol.GiftSent;
import dev.safestream.server.auth.AuthException;
import dev.safestream.server.auth.Authorizer;
import dev.safestream.server.auth.Permission;
import dev.safestream.server.auth.Principal;
import dev.safestream.server.chat.ChatRateLimiter;
import dev.safestream.server.fanout.Channel;
import dev.safestream.server.fanout.Channels;
import dev.safestream.server.fanout.ChatMeters;
import dev.safestream.server.moderation.workflow.Sanctions;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * Validates, stores and broadcasts gifts. Called from HTTP worker threads ({@code POST /api/gift}) and from the
 * scheduler thread (random producer).
 */
public final class GiftService {
    public static final int MAX_AMOUNT = 1000;
    /** Gifts per second a viewer may send through the API, sustained; bursts up to {@link #GIFT_BURST}. */
    public static final int GIFTS_PER_SECOND = 2;

    public static final int GIFT_BURST = 10;
    private static final int MAX_FROM_LENGTH = 50;

    private final GiftCatalogue catalogue;
    private final GiftRepository repository;
    private final Channels channels;
    private final Authorizer authorizer;
    private final ChatMeters meters;
    private final ChatRateLimiter limiter = new ChatRateLimiter(GIFTS_PER_SECOND, GIFT_BURST);
    private final Clock clock;
    private final Sanctions sanctions;
    private final Predicate<String> channelOpen;

    /** @param channelOpen whether gifts may go to a channel (it exists, or the server opens channels on first use) */
    public GiftService(
            GiftCatalogue catalogue,
            GiftRepository repository,
            Channels channels,
            Authorizer authorizer,
            ChatMeters meters,
            Clock clock,
            Sanctions sanctions,
            Predicate<String> channelOpen) {
        this.sanctions = sanctions;
        this.channelOpen = channelOpen;
        this.catalogue = catalogue;
        this.repository = repository;
        this.channels = channels;
        this.authorizer = authorizer;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * A gift sent through the API; needs {@link Permission#SEND_GIFT}, and {@link Permission#GIFT_ON_BEHALF} when
     * {@code from} names anyone but the caller (so viewers cannot send gifts that look like someone else's).
     */
    public GiftSent send(Principal caller, String channelName, String from, int giftId, int amount) {
        authorizer.require(caller, Permission.SEND_GIFT);
        String sender = from == null || from.isBlank() ? caller.username() : from.strip();
        if (!sender.equalsIgnoreCase(caller.username())) {
            authorizer.require(caller, Permission.GIFT_ON_BEHALF);
        }
        // every viewer may gift now, and each gift is a broadcast: budget them; relays (streamers, admins) are trusted
        if (!authorizer.allows(caller, Permission.GIFT_ON_BEHALF) && !limiter.tryAcquire(caller.username())) {
            throw new AuthException(AuthException.Reason.RATE_LIMITED, "Too many gifts: slow down");
        }
        if (sender.length() > MAX_FROM_LENGTH) {
            throw new IllegalArgumentException("from must be at most " + MAX_FROM_LENGTH + " characters");
        }
        Channel channel = channels.peek(channelName);
        if (!channelOpen.test(channel.name())) {
            throw new NoSuchElementException("No channel '" + channel.name() + "'");
        }
        // a ban holds on every path into the channel: neither the banned caller nor a relayed gift in their name
        if (sanctions.isBanned(channel.name(), caller.username()) || sanctions.isBanned(channel.name(), sender)) {
            throw new AuthException(AuthException.Reason.FORBIDDEN, sender + " is banned from #" + channel.name());
        }
        return emit(channels.get(channelName), sender, giftId, amount, false);
    }

    /**
     * Records and broadcasts a gift; a simulated one (the random producer's) is labelled and not counted in the
     * channel's figures.
     */
    GiftSent emit(Channel channel, String from, int giftId, int amount, boolean simulated) {
        Gift gift = catalogue.resolve(giftId);
        if (amount < 1 || amount > MAX_AMOUNT) {
            throw new IllegalArgumentException("amount must be between 1 and " + MAX_AMOUNT);
        }
        GiftSent event = new GiftSent(
                from,
                gift.id(),
                amount,
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                channel.name(),
                gift.name(),
                gift.coins() * amount,
                simulated);
        repository.save(event);
        if (!simulated) {
            channel.countGift();
        }
        meters.gift();
        channel.broadcast(event);
        return event;
    }

    public GiftCatalogue catalogue() {
        return catalogue;
    }
}
