import Foundation
import Testing
@testable import Planner

/// Collects what a reporter writes.
final class Sink: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String] = []
    func add(_ s: String) { lock.lock(); parts.append(s); lock.unlock() }
    var text: String { lock.lock(); defer { lock.unlock() }; return parts.joined() }
}

@Suite struct ProgressReporterTests {
    @Test func aTerminalGetsABarOverTheScenarios() {
        let sink = Sink()
        let p = ProgressReporter(quiet: false, verbose: false, isTerminal: true, write: { sink.add($0) })
        p.overall(1, of: 4)
        p.stage("budget-250: optimizing")
        #expect(sink.text.contains("[██████··················] 1/4 budget-250: optimizing…"))
        p.finish()
        #expect(!sink.text.contains("stages:"))
    }

    @Test func notATerminalOrQuietDrawsNothing() {
        let sink = Sink()
        let p = ProgressReporter(quiet: false, verbose: false, isTerminal: false, write: { sink.add($0) })
        p.overall(1, of: 2)
        p.stage("a")
        p.finish()
        #expect(sink.text.isEmpty)
        let q = ProgressReporter(quiet: true, verbose: true, isTerminal: true, write: { sink.add($0) })
        q.stage("a")
        q.finish()
        #expect(sink.text.isEmpty)
    }

    @Test func verboseEndsWithTheStageTimings() {
        let sink = Sink()
        let p = ProgressReporter(quiet: false, verbose: true, isTerminal: false, write: { sink.add($0) })
        p.stage("loading")
        p.stage("hot spots")
        let stages = p.finish()
        #expect(stages.map(\.0) == ["loading", "hot spots"])
        #expect(sink.text.hasPrefix("stages: loading "))
        #expect(sink.text.contains(", hot spots "))
        #expect(sink.text.hasSuffix("s\n"))
    }
}
