import Foundation
import GitExec
import Testing
@testable import Inputs

/// Inputs the fuzz targets (Fuzz/, docs/fuzzing.md) crashed on, kept as regression tests.
@Suite struct PatchFuzzRegressionTests {
    /// `@@ -1 +<20 digits> @@` overflowed Int while reading the hunk's first line number.
    @Test func hunkStartWithTooManyDigits() {
        let diff = "diff --git a/x b/x\n+++ b/x\n@@ -2,0 +26000000000000000000000000000000007 @@\n+added\n"
        let files = PatchParser.parse(Array(diff.utf8))
        #expect(files.count == 1)
        #expect(files.first?.lines == [Array("added".utf8)])
        #expect(PatchParser.hunkStart(Array("@@ -1 +9999999999999999999 @@".utf8)[...]) == nil)
        #expect(PatchParser.hunkStart(Array("@@ -1 +999999999999999999 @@".utf8)[...]) == 999_999_999_999_999_999)
    }
}

@Suite struct PatchUnquoteFuzzRegressionTests {
    /// A C-quoted path whose `\` octal escape had fewer than three octal digits before the
    /// closing quote (`"\01"`, `"\0!!x"`) subtracted '0' from a smaller byte: UInt8 underflow.
    @Test func octalEscapeWithoutThreeOctalDigits() {
        #expect(PatchParser.unquote(Array(#""\01""#.utf8)) == Array("01".utf8))
        #expect(PatchParser.unquote(Array(#""\0!!x""#.utf8)) == Array("0!!x".utf8))
        #expect(PatchParser.unquote(Array(#""\303\251""#.utf8)) == [0xC3, 0xA9])
        let diff = "diff --git a/x b/x\n+++ \"b/\\01\"\n@@ -0,0 +1 @@\n+added\n"
        #expect(PatchParser.parse(Array(diff.utf8)).map(\.path) == ["01"])
    }
}

/// A signal handler installed without SA_RESTART makes a blocked read() fail with EINTR.
private func installInterruptingHandler() -> sigaction {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in }
    action.sa_flags = 0
    sigemptyset(&action.sa_mask)
    var old = sigaction()
    sigaction(SIGUSR1, &action, &old)
    return old
}

/// Calls `read` with the read end of a pipe that stays empty until this thread, blocked reading
/// it, has been interrupted by a signal (EINTR); then `payload` arrives and the pipe closes.
private func readInterruptedBySignal<T>(_ payload: [UInt8], _ read: (Int32) -> T) -> T {
    var old = installInterruptingHandler()
    defer { sigaction(SIGUSR1, &old, nil) }
    var fds: [Int32] = [0, 0]
    precondition(pipe(&fds) == 0)
    let (readEnd, writeEnd) = (fds[0], fds[1])
    defer { close(readEnd) }
    let reader = pthread_self()
    Thread.detachNewThread {
        usleep(200_000)
        pthread_kill(reader, SIGUSR1)
        usleep(100_000)
        payload.withUnsafeBytes { b in
            var at = 0
            while at < b.count { let n = write(writeEnd, b.baseAddress! + at, b.count - at); if n <= 0 { break }; at += n }
        }
        close(writeEnd)
    }
    return read(readEnd)
}

@Suite(.serialized) struct GitStreamFuzzRegressionTests {
    /// The git object stream reader took a read() interrupted by a signal (EINTR, as a
    /// handler without SA_RESTART causes; libFuzzer's timer did) for the end of the stream, and
    /// `GitHistory.listBlobs` read through Foundation's `readDataToEndOfFile`, which traps on it.
    @Test func readInterruptedBySignalIsNotEndOfStream() throws {
        let (header, body) = readInterruptedBySignal(Array("0001 blob 5\nhello\n".utf8)) { fd in
            var r = BufferedReader(fd: fd)
            return (r.readLine().map { String(decoding: $0, as: UTF8.self) }, r.read(count: 5))
        }
        #expect(header == "0001 blob 5")
        #expect(body == Array("hello".utf8))
    }

    /// Every git command's output is read by `Git.readToEnd`, which must not take EINTR for the
    /// end of the output (Foundation's `readDataToEndOfFile`, used before, traps on it).
    @Test func gitOutputReadInterruptedBySignalIsComplete() throws {
        let line = "deadbeef refs/heads/main\n"
        #expect(readInterruptedBySignal(Array(line.utf8)) { Git.readToEnd($0) } == Data(line.utf8))
    }

    /// A large record is read straight into the result: an interrupted read() there was taken
    /// for the end of the stream too.
    @Test func largeReadInterruptedBySignalIsNotEndOfStream() throws {
        let record = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let read = readInterruptedBySignal(record) { fd in
            var r = BufferedReader(fd: fd)
            return r.read(count: record.count)
        }
        #expect(read == record)
    }

    /// A record header claiming far more bytes than follow: nil, with memory taken only for
    /// what arrives (reserving the claimed size up front would abort).
    @Test func hugeClaimedSizeIsNotReservedUpFront() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let (readEnd, writeEnd) = (fds[0], fds[1])
        defer { close(readEnd) }
        _ = "0001 blob 1125899906842624\nshort\n".withCString { write(writeEnd, $0, strlen($0)) }
        close(writeEnd)
        var r = BufferedReader(fd: readEnd)
        #expect(r.readLine().map { String(decoding: $0, as: UTF8.self) } == "0001 blob 1125899906842624")
        #expect(r.read(count: 1 << 50) == nil)
    }
}
