import Foundation
import TestSupport
import Testing

/// The suite's scratch folders do not pile up when a test process is killed: the next one
/// removes the roots of processes that are gone, and only those.
@Test func scratchRootsOfProcessesThatAreGoneAreRemoved() throws {
    let folder = try Fixtures.scratchFolder()
    let finished = Process()
    finished.executableURL = URL(fileURLWithPath: "/bin/true")
    try finished.run()
    finished.waitUntilExit()
    let gone = ScratchRoot.prefix + "\(finished.processIdentifier)-0a1b2c3d"
    let names = [
        gone, ScratchRoot.prefix + "\(getpid())-live", ScratchRoot.prefix + "kept-\(finished.processIdentifier)-0a1b2c3d",
        ScratchRoot.prefix + "notapid-x", "annals-other-\(finished.processIdentifier)-x",
    ]
    for name in names {
        try FileManager.default.createDirectory(at: folder.appending(path: name + "/archive"), withIntermediateDirectories: true)
    }
    ScratchRoot.removeLeftovers(in: folder)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == names.filter { $0 != gone }.sorted())
}
