package dev.safestream.console.charts;

import dev.safestream.console.ui.TextCells;
import dev.safestream.protocol.GiftSent;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The tiles across the top: viewers, messages/min, toxic %, held, gifts, top gifters; plus the gift feed list. */
public final class TilesView {
    private final HBox root = new HBox(8);
    private final ListView<GiftSent> giftFeed = new ListView<>();

    public TilesView(TilesViewModel vm) {
        root.getStyleClass().add("tiles");
        root.setAlignment(Pos.CENTER_LEFT);
        root.getChildren()
                .addAll(
                        tile("viewers", "tile-viewers", vm.viewersProperty().asString()),
                        tile(
                                "msgs/min",
                                "tile-rate",
                                vm.messagesPerMinuteProperty().asString()),
                        tile("toxic %", "tile-toxic", Bindings.format(Locale.ROOT, "%.1f", vm.toxicPercentProperty())),
                        tile("held", "tile-held", vm.heldProperty().asString()),
                        tile("gifts", "tile-gifts", vm.giftsProperty().asString()),
                        tile("top gifters", "tile-gifters", vm.topGiftersProperty()));
        giftFeed.setItems(vm.giftFeed());
        giftFeed.setCellFactory(TextCells.of((GiftSent g) -> g.from() + " sent " + g.amount() + "× "
                + (g.giftName() == null ? "#" + g.giftId() : g.giftName())
                + (g.coins() > 0 ? " (" + g.coins() + " coins)" : "")));
        giftFeed.setPlaceholder(new Label("no gifts yet"));
    }

    private static VBox tile(String caption, String id, ObservableValue<String> value) {
        Label number = new Label();
        number.textProperty().bind(value);
        number.getStyleClass().add("tile-value");
        number.setId(id);
        Label name = new Label(caption);
        name.getStyleClass().add("tile-caption");
        VBox box = new VBox(number, name);
        box.getStyleClass().add("tile");
        return box;
    }

    public Parent root() {
        return root;
    }

    public ListView<GiftSent> giftFeed() {
        return giftFeed;
    }
}
