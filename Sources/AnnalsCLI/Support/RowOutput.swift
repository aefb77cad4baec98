import AnnalsKit
import Foundation

/// Buffered standard output: long listings are written in 64 KiB chunks, not a
/// system call per row.
struct BufferedOutput: ~Copyable {
    private var buffer: [UInt8] = []
    private let handle: FileHandle

    init(handle: FileHandle = .standardOutput) {
        self.handle = handle
        buffer.reserveCapacity(1 << 16)
    }

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    deinit {
        if !buffer.isEmpty { handle.write(Data(buffer)) }
    }
}

/// Prints JSON objects as one JSON array (`--format json`) or one per line (`--format ndjson`),
/// as they come, so a long listing streams.
struct JSONLinesOutput: ~Copyable {
    let array: Bool
    private var count = 0
    private var out = BufferedOutput()

    init(array: Bool) {
        self.array = array
    }

    mutating func add(_ object: String) {
        if array {
            out.write((count == 0 ? "[\n" : ",\n") + object)
        } else {
            out.write(object + "\n")
        }
        count += 1
    }

    consuming func finish() {
        if array { out.write(count == 0 ? "[]\n" : "\n]\n") }
        out.flush()
    }
}
