import Inputs
import Report

/// What one thread collects; merged once when the scan ends (the producer has one too).
struct WorkerState {
    var findings: [Finding] = []
    /// History findings, attributed to commits once the scan ends.
    var blobFindings: [BlobFinding] = []
    var filesScanned = 0
    var bytesScanned = 0
    var skipped: [SkipReason: Int] = [:]
    var warnings: [String] = []
    var complete = true
    /// Why the scan could not run at all (the producer's: not a repository, bad revision).
    var error: ScanError?

    /// One item of `bytes` scanned, with `found` findings.
    mutating func count(bytes: Int, progress: ScanProgress?, found: Int) {
        filesScanned += 1
        bytesScanned += bytes
        progress?.add(files: 1, bytes: bytes, findings: found)
    }

    /// A finding made outside a scanned item (a file named by its path).
    mutating func found(_ finding: Finding, progress: ScanProgress?) {
        findings.append(finding)
        progress?.add(files: 0, bytes: 0, findings: 1)
    }

    /// A problem that left part of the input unscanned: a warning, and the scan is incomplete.
    mutating func incomplete(_ warning: String) {
        complete = false
        warnings.append(warning)
    }

    /// Adds another state's totals (the scan's end).
    mutating func merge(_ other: WorkerState) {
        findings += other.findings
        blobFindings += other.blobFindings
        filesScanned += other.filesScanned
        bytesScanned += other.bytesScanned
        warnings += other.warnings
        complete = complete && other.complete
        for (k, v) in other.skipped { skipped[k, default: 0] += v }
        if error == nil { error = other.error }
    }
}

/// A history finding plus the blob it was found in, for attribution.
struct BlobFinding {
    var finding: Finding
    let oid: String
    /// Hash of rule and secret: the same secret in other blobs or paths.
    let secretKey: String
}
