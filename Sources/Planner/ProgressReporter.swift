import Foundation

/// Progress on stderr for long steps, drawn only when stderr is a terminal and not
/// `quiet`: a bar over the scenarios of a run (or the steps of a verb) with the current
/// stage's name. With `verbose`, a stage timing line at the end. Results never go to stderr,
/// so piping stdout stays clean.
public final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let draw: Bool
    private let verbose: Bool
    private let write: @Sendable (String) -> Void
    private var stages: [(String, Double)] = []
    private var stageStart: Date?
    private var stageName: String?
    private var overall: (done: Int, total: Int)?

    /// - Parameters:
    ///   - quiet: draw nothing.
    ///   - verbose: print a stage timing line from ``finish()``.
    ///   - isTerminal: whether stderr is a terminal (default: asks the OS).
    ///   - write: where the text goes (default: stderr).
    public init(quiet: Bool, verbose: Bool, isTerminal: Bool = isatty(STDERR_FILENO) == 1,
                write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.draw = !quiet && isTerminal
        self.verbose = verbose && !quiet
        self.write = write
    }

    /// Sets the overall position (e.g. scenario `done` of `total`) shown as a bar.
    public func overall(_ done: Int, of total: Int) {
        lock.lock(); defer { lock.unlock() }
        overall = total > 0 ? (min(max(done, 0), total), total) : nil
        redrawLocked()
    }

    /// Starts a named stage (ending the previous one).
    public func stage(_ name: String) {
        lock.lock(); defer { lock.unlock() }
        endStageLocked()
        stageName = name
        stageStart = Date()
        redrawLocked()
    }

    /// Ends the last stage; returns the stage timings (seconds) and prints them when verbose.
    @discardableResult
    public func finish() -> [(String, Double)] {
        lock.lock(); defer { lock.unlock() }
        endStageLocked()
        if draw { write("\r\u{1B}[K") }
        if verbose, !stages.isEmpty {
            let line = stages.map { String(format: "%@ %.2fs", $0.0, $0.1) }.joined(separator: ", ")
            let total = stages.reduce(0) { $0 + $1.1 }
            write("stages: \(line); total \(String(format: "%.2f", total))s\n")
        }
        return stages
    }

    private func redrawLocked() {
        guard draw else { return }
        var text = "\r\u{1B}[K"
        if let (done, total) = overall {
            let width = 24
            let filled = width * done / total
            text += "[" + String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled) + "] \(done)/\(total) "
        }
        text += (stageName ?? "") + "…"
        write(text)
    }

    private func endStageLocked() {
        if let name = stageName, let start = stageStart {
            stages.append((name, Date().timeIntervalSince(start)))
        }
        stageName = nil
        stageStart = nil
    }
}
