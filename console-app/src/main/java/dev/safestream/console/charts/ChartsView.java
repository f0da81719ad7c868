package dev.safestream.console.charts;

import dev.safestream.console.ui.Fxml;
import java.awt.Color;
import java.util.Date;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * Four live JFreeChart-FX charts (charts.fxml): rolling toxic %, messages per minute, categories of actioned
 * messages, score histogram. A one-second timeline re-reads {@link ChatStats} (O(buckets)) and refills the datasets,
 * so redrawing costs the same at 5 or 500 messages/s.
 */
public final class ChartsView {
    private static final Color BACKGROUND = new Color(0x16, 0x1b, 0x22);
    private static final Color FOREGROUND = new Color(0xc9, 0xd1, 0xd9);

    private final ChatStats stats;
    private final TilesViewModel tiles;
    private final Parent root;
    private final TimeSeries toxic = new TimeSeries("toxic %");
    private final TimeSeries rate = new TimeSeries("messages/min");
    private final DefaultCategoryDataset categories = new DefaultCategoryDataset();
    private final DefaultCategoryDataset histogram = new DefaultCategoryDataset();
    private final Timeline timer = new Timeline(new KeyFrame(Duration.seconds(1), e -> refresh()));
    private int refreshes;

    @FXML
    private StackPane toxicSlot;

    @FXML
    private StackPane rateSlot;

    @FXML
    private StackPane categorySlot;

    @FXML
    private StackPane histogramSlot;

    public ChartsView(ChatStats stats, TilesViewModel tiles) {
        this.stats = stats;
        this.tiles = tiles;
        this.root = Fxml.load(ChartsView.class, "charts.fxml", this);
        root.setId("charts");
    }

    @FXML
    private void initialize() {
        JFreeChart toxicChart = dark(ChartFactory.createTimeSeriesChart(
                "Toxic % (10 s buckets)", null, "%", new TimeSeriesCollection(toxic), false, false, false));
        toxicChart.getXYPlot().getRangeAxis().setRange(0, 100);
        toxicSlot.getChildren().add(viewer(toxicChart));

        rateSlot.getChildren()
                .add(viewer(dark(ChartFactory.createTimeSeriesChart(
                        "Messages per minute", null, "msg/min", new TimeSeriesCollection(rate), false, false, false))));
        categorySlot
                .getChildren()
                .add(viewer(dark(ChartFactory.createBarChart(
                        "Actioned by category",
                        null,
                        "messages",
                        categories,
                        PlotOrientation.HORIZONTAL,
                        false,
                        false,
                        false))));
        histogramSlot
                .getChildren()
                .add(viewer(dark(ChartFactory.createBarChart(
                        "Score histogram",
                        "score",
                        "messages",
                        histogram,
                        PlotOrientation.VERTICAL,
                        false,
                        false,
                        false))));
        timer.setCycleCount(Timeline.INDEFINITE);
        timer.play();
        refresh();
    }

    private static ChartViewer viewer(JFreeChart chart) {
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setMinSize(0, 0);
        return viewer;
    }

    private static JFreeChart dark(JFreeChart chart) {
        chart.setBackgroundPaint(BACKGROUND);
        chart.getTitle().setPaint(FOREGROUND);
        chart.getTitle().setFont(chart.getTitle().getFont().deriveFont(12f));
        chart.getPlot().setBackgroundPaint(new Color(0x0d, 0x11, 0x17));
        if (chart.getPlot() instanceof org.jfree.chart.plot.XYPlot xy) {
            xy.getDomainAxis().setTickLabelPaint(FOREGROUND);
            xy.getRangeAxis().setTickLabelPaint(FOREGROUND);
            xy.getRangeAxis().setLabelPaint(FOREGROUND);
            xy.getRenderer().setSeriesPaint(0, new Color(0xf0, 0x88, 0x3e));
            if (xy.getRenderer() instanceof org.jfree.chart.renderer.xy.XYLineAndShapeRenderer line) {
                line.setDefaultShapesVisible(true);
            }
            if (xy.getRangeAxis() instanceof org.jfree.chart.axis.NumberAxis axis) {
                axis.setAutoRangeIncludesZero(true);
                axis.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
            }
        } else if (chart.getPlot() instanceof org.jfree.chart.plot.CategoryPlot cp) {
            cp.getDomainAxis().setTickLabelPaint(FOREGROUND);
            cp.getRangeAxis().setTickLabelPaint(FOREGROUND);
            cp.getRangeAxis().setLabelPaint(FOREGROUND);
            cp.getRenderer().setSeriesPaint(0, new Color(0x58, 0xa6, 0xff));
        }
        return chart;
    }

    /** Re-reads the rolling figures into the datasets. */
    public void refresh() {
        refreshes++;
        toxic.setNotify(false);
        rate.setNotify(false);
        toxic.clear();
        rate.clear();
        for (ChatStats.Point p : stats.series()) {
            FixedMillisecond at = new FixedMillisecond(Date.from(p.start()));
            toxic.addOrUpdate(at, p.toxicPercent());
            rate.addOrUpdate(at, p.messages() * 60.0 / ChatStats.BUCKET.toSeconds());
        }
        toxic.setNotify(true);
        rate.setNotify(true);
        categories.clear();
        stats.categories().forEach((name, n) -> categories.addValue(n, "actioned", name));
        int[] bins = stats.histogram();
        for (int i = 0; i < bins.length; i++) {
            histogram.addValue(bins[i], "messages", String.format(Locale.ROOT, "%.1f", i / 10.0));
        }
        tiles.refresh();
    }

    /** Data points in the toxic % series (for tests: the chart has live data). */
    public int toxicPoints() {
        return toxic.getItemCount();
    }

    /** How many refreshes ran. */
    public int refreshes() {
        return refreshes;
    }

    public void stop() {
        timer.stop();
    }

    public Parent root() {
        return root;
    }
}
