import Foundation
import Scan

/// A one-line progress report on stderr (terminals only), redrawn four times a second: files and
/// bytes done, MB/s, findings so far, elapsed time. Erased when the scan ends.
final class ProgressLine: @unchecked Sendable {
    let progress: ScanProgress
    let started = Date()
    /// The timer's queue: `stop` waits on it for a draw in flight.
    let queue = DispatchQueue(label: "progress")
    let timer: DispatchSourceTimer
    /// Only draw after this long, so short scans print nothing (`LEAKSCOPE_PROGRESS_DELAY`
    /// overrides it, in seconds).
    static let delay = ProcessInfo.processInfo.environment["LEAKSCOPE_PROGRESS_DELAY"].flatMap(Double.init) ?? 0.5

    init(progress: ScanProgress) {
        self.progress = progress
        timer = DispatchSource.makeTimerSource(queue: queue)
    }

    func start() {
        timer.schedule(deadline: .now() + Self.delay, repeating: 0.25)
        timer.setEventHandler { [self] in draw() }
        timer.resume()
    }

    func draw() {
        let (files, bytes, findings) = progress.snapshot
        let elapsed = Date().timeIntervalSince(started)
        let mb = Double(bytes) / 1_000_000
        let rate = elapsed > 0 ? mb / elapsed : 0
        let line = String(format: "scanning: %d files, %.1f MB, %.0f MB/s, %d findings, %.1f s", files, mb, rate, findings, elapsed)
        try? OutputFile.writeAll(Array(("\r" + line + "\u{1B}[K").utf8), to: STDERR_FILENO)
    }

    func stop() {
        timer.cancel()
        // Wait for a draw in flight, then erase the line. (The timer's own queue: a new queue
        // of the same label waited for nothing, so a late draw could follow the erase.)
        queue.sync {}
        if Date().timeIntervalSince(started) >= Self.delay {
            try? OutputFile.writeAll(Array("\r\u{1B}[K".utf8), to: STDERR_FILENO)
        }
    }
}
