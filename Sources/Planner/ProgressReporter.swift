import Foundation

/// Progress on stderr for long steps, drawn only when stderr is a terminal and not
/// `quiet`; with `verbose`, a stage timing line at the end. Results never go to stderr, so
/// piping stdout stays clean.
public final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let draw: Bool
    private let verbose: Bool
    private var stages: [(String, Double)] = []
    private var stageStart: Date?
    private var stageName: String?
    private var lastDraw = Date.distantPast

    /// - Parameters:
    ///   - quiet: draw nothing.
    ///   - verbose: print a stage timing line from ``finish()``.
    ///   - isTerminal: whether stderr is a terminal (default: asks the OS).
    public init(quiet: Bool, verbose: Bool, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.draw = !quiet && isTerminal
        self.verbose = verbose && !quiet
    }

    /// Starts a named stage (ending the previous one).
    public func stage(_ name: String) {
        lock.lock(); defer { lock.unlock() }
        endStageLocked()
        stageName = name
        stageStart = Date()
        if draw { FileHandle.standardError.write(Data("\r\u{1B}[K\(name)…".utf8)) }
    }

    /// Updates the bar of the current stage: `done` of `total` steps.
    public func update(_ done: Int, of total: Int) {
        guard draw, total > 0 else { return }
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
        lastDraw = now
        let width = 30
        let filled = Int(Double(width) * Double(done) / Double(total))
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        FileHandle.standardError.write(Data("\r\u{1B}[K\(stageName ?? "") [\(bar)] \(done)/\(total)".utf8))
    }

    /// Ends the last stage; returns the stage timings (seconds) and prints them when verbose.
    @discardableResult
    public func finish() -> [(String, Double)] {
        lock.lock(); defer { lock.unlock() }
        endStageLocked()
        if draw { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        if verbose, !stages.isEmpty {
            let line = stages.map { String(format: "%@ %.2fs", $0.0, $0.1) }.joined(separator: ", ")
            let total = stages.reduce(0) { $0 + $1.1 }
            FileHandle.standardError.write(Data("stages: \(line); total \(String(format: "%.2f", total))s\n".utf8))
        }
        return stages
    }

    private func endStageLocked() {
        if let name = stageName, let start = stageStart {
            stages.append((name, Date().timeIntervalSince(start)))
        }
        stageName = nil
        stageStart = nil
    }
}
