/// ISO 8601 text for an instant seen at a UTC offset, computed without locale-dependent formatters.
enum ISODate {
    /// `epoch` (seconds since 1970 UTC) as `2024-03-01T13:00:00+01:00`; a zero offset is written `Z`.
    static func format(epoch: Int64, offsetSeconds: Int = 0) -> String {
        let local = epoch + Int64(offsetSeconds)
        let days = floorDiv(local, 86_400)
        let secondOfDay = local - days * 86_400
        let (y, m, d) = civil(daysSinceEpoch: days)
        var text = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(Int(secondOfDay / 3600), 2)):"
            + "\(pad(Int(secondOfDay % 3600 / 60), 2)):\(pad(Int(secondOfDay % 60), 2))"
        if offsetSeconds == 0 {
            text += "Z"
        } else {
            let minutes = abs(offsetSeconds) / 60
            text += (offsetSeconds < 0 ? "-" : "+") + "\(pad(minutes / 60, 2)):\(pad(minutes % 60, 2))"
        }
        return text
    }

    /// Seconds east of UTC for git's `+hhmm` / `-hhmm`, or nil.
    static func offsetSeconds(gitTimeZone tz: String) -> Int? {
        let u = Array(tz.utf8)
        guard u.count == 5, u[0] == UInt8(ascii: "+") || u[0] == UInt8(ascii: "-"),
              let hh = Int(String(decoding: u[1...2], as: UTF8.self)),
              let mm = Int(String(decoding: u[3...4], as: UTF8.self)) else { return nil }
        let s = hh * 3600 + mm * 60
        return u[0] == UInt8(ascii: "-") ? -s : s
    }

    /// Year, month, day of a day count since 1970-01-01 (proleptic Gregorian calendar).
    static func civil(daysSinceEpoch: Int64) -> (Int, Int, Int) {
        let z = daysSinceEpoch + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097                                   // [0, 146096]
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365  // [0, 399]
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)             // [0, 365]
        let mp = (5 * doy + 2) / 153                                  // [0, 11], March first
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (Int(y), Int(m), Int(d))
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
