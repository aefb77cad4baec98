import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// `map` on every core: each worker takes every n-th element, so the order of the
    /// result is the order of the array. For CPU-bound work (parsing, classifying).
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let slots = Mutex([T?](repeating: nil, count: count))
        let workers = Swift.min(count, Swift.max(1, ProcessInfo.processInfo.activeProcessorCount))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var local: [(Int, T)] = []
            var index = worker
            while index < count {
                local.append((index, transform(self[index])))
                index += workers
            }
            slots.withLock { slots in
                for (index, value) in local { slots[index] = value }
            }
        }
        return slots.withLock { $0.map { $0! } }
    }
}
