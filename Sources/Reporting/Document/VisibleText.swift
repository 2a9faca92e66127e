/// Text with its invisible characters made visible, the same way in every
/// format: a line break prints as `\n`, a carriage return as `\r`, a tab as
/// `\t`, any other control character (C0, DEL, C1), a line or paragraph
/// separator and the non-characters U+FFFE and U+FFFF as `\u{…}` in hex. A
/// label therefore prints on one line, exactly as stored, and can never end a
/// table row or make a document invalid XML.
public enum VisibleText {
    public static func make(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where needsEscape(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
