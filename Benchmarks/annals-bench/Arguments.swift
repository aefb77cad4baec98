/// A small option parser: `--name value`, `--name=value` and flags. (The package's
/// argument parser is not among this target's dependencies, and Package.swift is not
/// ours to change.)
struct Arguments {
    private var options: [String: String] = [:]
    private var flags = Set<String>()

    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    init(_ args: ArraySlice<String>, options known: Set<String>, flags knownFlags: Set<String>) throws {
        var rest = args
        while let arg = rest.popFirst() {
            guard arg.hasPrefix("--") else { throw Problem(description: "unexpected argument '\(arg)'") }
            var name = String(arg.dropFirst(2))
            var value: String?
            if let eq = name.firstIndex(of: "=") {
                value = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            if knownFlags.contains(name) {
                guard value == nil else { throw Problem(description: "--\(name) takes no value") }
                flags.insert(name)
            } else if known.contains(name) {
                if value == nil {
                    guard let next = rest.popFirst() else { throw Problem(description: "--\(name) needs a value") }
                    value = next
                }
                options[name] = value
            } else {
                throw Problem(description: "unknown option --\(name)")
            }
        }
    }

    func string(_ name: String) -> String? { options[name] }

    func flag(_ name: String) -> Bool { flags.contains(name) }

    func int(_ name: String) throws -> Int? {
        guard let text = options[name] else { return nil }
        guard let value = Int(text.replacingAll("_", "").replacingAll(",", "")) else {
            throw Problem(description: "--\(name) needs a whole number, not '\(text)'")
        }
        return value
    }

    func seed(_ name: String) throws -> UInt64? {
        guard let text = options[name] else { return nil }
        guard let value = UInt64(text) else { throw Problem(description: "--\(name) needs a number from 0 to 2^64-1, not '\(text)'") }
        return value
    }
}
