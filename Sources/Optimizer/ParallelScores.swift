import Dispatch

/// A raw pointer handed to `concurrentPerform` workers. `@unchecked Sendable` is sound here
/// because every worker reads shared inputs only and writes a disjoint set of output slots
/// (the candidates of its own chunk), and the call returns only after all workers finish.
struct SharedPointer<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
}

/// Read-only counterpart of ``SharedPointer``.
struct SharedConstPointer<T>: @unchecked Sendable {
    let base: UnsafePointer<T>
}

enum ParallelScores {
    /// Below this many candidates one thread is faster than two.
    static let minimumParallelCandidates = 50_000

    /// `scores[j] = Σ_{i∈N_j} values[i]` for every candidate `j`, on up to 2 threads.
    /// - Complexity: O(nnz of the candidates).
    static func compute(inst: SolverInstance, values: [Double], into scores: inout [Double]) {
        let count = inst.candidates.count
        guard count > 0 else { return }
        let chunks = count >= minimumParallelCandidates ? 2 : 1
        values.withUnsafeBufferPointer { v in
            inst.offsets.withUnsafeBufferPointer { off in
                inst.indices.withUnsafeBufferPointer { idx in
                    inst.candidates.withUnsafeBufferPointer { cand in
                        scores.withUnsafeMutableBufferPointer { out in
                            guard let vb = v.baseAddress, let ob = off.baseAddress, let cb = cand.baseAddress,
                                  let sb = out.baseAddress else { return }
                            let vp = SharedConstPointer(base: vb), op = SharedConstPointer(base: ob)
                            let cp = SharedConstPointer(base: cb), sp = SharedPointer(base: sb)
                            // An empty index array has no base address; every range is then empty.
                            let ip = idx.baseAddress.map { SharedConstPointer(base: $0) }
                            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                                let lo = count * c / chunks, hi = count * (c + 1) / chunks
                                for t in lo ..< hi {
                                    let j = Int(cp.base[t])
                                    var s = 0.0
                                    if let ip {
                                        for k in op.base[j] ..< op.base[j + 1] { s += vp.base[Int(ip.base[k])] }
                                    }
                                    sp.base[j] = s
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
