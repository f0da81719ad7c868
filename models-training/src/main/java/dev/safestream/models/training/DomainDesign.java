package dev.safestream.models.training;

/** A design with one extra indicator feature per row: its domain's intercept ({@link Domains}). */
record DomainDesign(Design base, int[] domainOf) implements Design {
    @Override
    public int rows() {
        return base.rows();
    }

    @Override
    public int dims() {
        return base.dims() + Domains.COUNT;
    }

    @Override
    public double dot(int row, float[] w) {
        return base.dot(row, w) + w[base.dims() + domainOf[row]];
    }

    @Override
    public void step(int row, float[] w, float[] g2, double gradient, double rate, double l2) {
        base.step(row, w, g2, gradient, rate, l2);
        int j = base.dims() + domainOf[row];
        g2[j] += (float) (gradient * gradient);
        w[j] -= (float) (rate * gradient / Math.sqrt(g2[j] + 1e-8)); // intercepts are not penalised
    }

    @Override
    public Design subset(int[] rows) {
        int[] domains = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            domains[i] = domainOf[rows[i]];
        }
        return new DomainDesign(base.subset(rows), domains);
    }
}
