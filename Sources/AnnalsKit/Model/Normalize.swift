import Foundation

/// The keys that identify sources and articles across documents.
public enum Normalize {
    /// Case-folded, single-spaced: "Ars  technica " and "ars technica" are one source.
    public static func sourceKey(_ name: String) -> String {
        collapse(name.lowercased())
    }

    /// Case- and punctuation-insensitive title: letters and digits of any script, single-spaced.
    public static func titleKey(_ title: String) -> String {
        var out = ""
        out.reserveCapacity(title.utf8.count)
        var pendingSpace = false
        for character in title.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(character)
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// A URL without fragment or trailing slash, with scheme and host lower-cased.
    public static func urlKey(_ url: String) -> String {
        var text = url.trimmingCharacters(in: .whitespacesAndNewlines)
        if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
        while text.hasSuffix("/") { text.removeLast() }
        guard let schemeEnd = text.range(of: "://") else { return text }
        let afterScheme = text[schemeEnd.upperBound...]
        let hostEnd = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? afterScheme.endIndex
        return text[..<hostEnd].lowercased() + text[hostEnd...]
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// Timestamps as stored: ISO 8601 in UTC with seconds, e.g. `2026-11-26T15:19:31Z`.
enum Timestamp {
    static func iso(_ date: Date) -> String {
        var time = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ n: Int32, _ width: Int = 2) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1))-\(pad(parts.tm_mday))T\(pad(parts.tm_hour)):\(pad(parts.tm_min)):\(pad(parts.tm_sec))Z"
    }
}
