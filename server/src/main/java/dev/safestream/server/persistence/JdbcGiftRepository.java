package dev.safestream.server.persistence;

import dev.safestream.protocol.GiftSent;
import dev.safestream.server.gifts.GiftRepository;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Gift history in the {@code gifts} table. */
public final class JdbcGiftRepository implements GiftRepository {
    private final Jdbc jdbc;

    public JdbcGiftRepository(Database database) {
        this.jdbc = new Jdbc(database);
    }

    @Override
    public void save(GiftSent gift) {
        jdbc.update(
                "insert into gifts (channel, sender, gift_id, gift_name, amount, coins, created_at, simulated)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)",
                s -> {
                    s.setString(1, gift.channel());
                    s.setString(2, gift.from());
                    s.setInt(3, gift.giftId());
                    s.setString(4, gift.giftName());
                    s.setInt(5, gift.amount());
                    s.setLong(6, gift.coins());
                    Jdbc.setInstant(s, 7, gift.ts());
                    s.setBoolean(8, gift.simulated());
                });
    }

    @Override
    public List<GiftSent> recent(String channel, int limit) {
        List<GiftSent> newestFirst = new ArrayList<>(jdbc.query(
                "select * from gifts where channel = ? order by id desc fetch first ? rows only",
                s -> {
                    s.setString(1, channel);
                    s.setInt(2, limit);
                },
                r -> new GiftSent(
                        r.getString("sender"),
                        r.getInt("gift_id"),
                        r.getInt("amount"),
                        Jdbc.instant(r, "created_at"),
                        r.getString("channel"),
                        r.getString("gift_name"),
                        r.getLong("coins"),
                        r.getBoolean("simulated"))));
        Collections.reverse(newestFirst);
        return newestFirst;
    }
}
