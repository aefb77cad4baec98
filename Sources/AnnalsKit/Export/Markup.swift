/// Escaping for HTML and SVG (XML) text and attribute values.
enum Markup {
    /// `text` with `& < > " '` as character references and the characters XML forbids
    /// (C0 controls but tab, LF and CR; U+FFFE, U+FFFF) as U+FFFD, so untrusted text
    /// is inert in an element or a quoted attribute, and the SVG stays well-formed.
    static func escape(_ text: String) -> String {
        var out = ""
        append(text, to: &out)
        return out
    }

    /// Appends `text`, escaped as ``escape(_:)`` does.
    static func append(_ text: String, to out: inout String) {
        var clean = true
        for byte in text.utf8 {
            switch byte {
            case 0x26, 0x3C, 0x3E, 0x22, 0x27, 0xEF: clean = false  // & < > " ' and U+Fxxx (maybe U+FFFE)
            case 0x09, 0x0A, 0x0D: continue
            case ..<0x20: clean = false
            default: continue
            }
            break
        }
        if clean {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
    }
}

extension String {
    /// Appends `text` escaped for HTML or SVG.
    mutating func appendEscaped(_ text: String) {
        Markup.append(text, to: &self)
    }
}

extension Double {
    /// A coordinate with at most one decimal and no exponent: `12.5`, `-3`, `0`.
    var svgNumber: String {
        let tenths = Int((self * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? sign + String(magnitude / 10) : sign + String(magnitude / 10) + "." + String(magnitude % 10)
    }
}
