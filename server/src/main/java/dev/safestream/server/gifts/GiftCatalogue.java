package dev.safestream.server.gifts;

import java.util.List;
import java.util.Optional;

/** The gifts this server offers ({@code GET /api/gifts}). */
public final class GiftCatalogue {
    private final List<Gift> gifts;

    public GiftCatalogue(List<Gift> gifts) {
        this.gifts = List.copyOf(gifts);
    }

    public static GiftCatalogue standard() {
        return new GiftCatalogue(List.of(
                new Gift(1, "Rose", 1),
                new Gift(2, "Heart", 5),
                new Gift(3, "Star", 10),
                new Gift(4, "Ice Cream", 20),
                new Gift(5, "Rocket", 50),
                new Gift(6, "Crown", 100),
                new Gift(7, "Lion", 500),
                new Gift(8, "Universe", 1000)));
    }

    public List<Gift> all() {
        return gifts;
    }

    public Optional<Gift> find(int id) {
        return gifts.stream().filter(g -> g.id() == id).findFirst();
    }

    /**
     * The gift for any positive id: a catalogue gift keeps its name and value; any other id (the original design's
     * clients send ids of their own, its README's example is 999) is a generic "Gift #id" worth one coin per unit.
     *
     * @throws IllegalArgumentException when the id is not positive
     */
    public Gift resolve(int id) {
        if (id < 1) {
            throw new IllegalArgumentException("gift_id must be a positive number; see GET /api/gifts for named gifts");
        }
        return find(id).orElseGet(() -> new Gift(id, "Gift #" + id, 1));
    }
}
