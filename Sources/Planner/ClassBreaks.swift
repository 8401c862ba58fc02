/// Class breaks for a choropleth drawn from the data (quantiles), so that the classes
/// spread the features instead of piling them in one fixed bin.
public enum ClassBreaks {
    /// Up to `classes` classes `[lower, upper]` covering min…max of the finite `values`, with
    /// edges at the quantiles (type 7, as numpy's default); repeated edges are merged, so
    /// few distinct values give fewer classes. Empty when no value is finite.
    public static func quantiles(_ values: [Double], classes: Int) -> [(lower: Double, upper: Double)] {
        let v = values.filter(\.isFinite).sorted()
        guard let lo = v.first, let hi = v.last, classes > 0 else { return [] }
        if lo == hi { return [(lo, hi)] }
        var edges = [lo]
        for k in 1 ..< classes {
            let h = Double(v.count - 1) * Double(k) / Double(classes)
            let i = Int(h.rounded(.down))
            let q = v[i] + (h - Double(i)) * (v[min(i + 1, v.count - 1)] - v[i])
            if q > edges[edges.count - 1], q < hi { edges.append(q) }
        }
        edges.append(hi)
        return (0 ..< edges.count - 1).map { (edges[$0], edges[$0 + 1]) }
    }

    /// The index of the class holding `value` (first class closed, others open below), or
    /// `nil` outside every class.
    public static func classIndex(_ value: Double, _ breaks: [(lower: Double, upper: Double)]) -> Int? {
        for (i, b) in breaks.enumerated() where value <= b.upper && (value > b.lower || (i == 0 && value >= b.lower)) {
            return i
        }
        return nil
    }
}
