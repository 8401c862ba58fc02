/// Max-heap for lazy greedy (CELF, Leskovec et al. 2007): entries hold a possibly stale gain
/// key; ties break by the lowest facility index so runs are deterministic.
struct LazyGreedyHeap {
    struct Entry {
        var key: Double
        var facility: Int32
        /// Selection version at which `key` was computed.
        var stamp: Int32
    }

    private(set) var entries: [Entry] = []

    var isEmpty: Bool { entries.isEmpty }
    var top: Entry { entries[0] }

    @inline(__always)
    private static func before(_ a: Entry, _ b: Entry) -> Bool {
        a.key > b.key || (a.key == b.key && a.facility < b.facility)
    }

    init(_ items: [Entry]) {
        entries = items
        var k = entries.count / 2 - 1
        while k >= 0 {
            siftDown(k)
            k -= 1
        }
    }

    mutating func popTop() {
        let last = entries.removeLast()
        if !entries.isEmpty {
            entries[0] = last
            siftDown(0)
        }
    }

    mutating func replaceTop(_ e: Entry) {
        entries[0] = e
        siftDown(0)
    }

    private mutating func siftDown(_ start: Int) {
        var k = start
        let n = entries.count
        while true {
            let l = 2 * k + 1, r = l + 1
            var m = k
            if l < n && Self.before(entries[l], entries[m]) { m = l }
            if r < n && Self.before(entries[r], entries[m]) { m = r }
            if m == k { return }
            entries.swapAt(k, m)
            k = m
        }
    }
}
