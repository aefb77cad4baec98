import Foundation
import GRDB
import GRDBSQLite

/// The time a query may take, and the switch that stops every running query at once.
///
/// Every read-only connection of an ``Archive`` (its readers, and `annals sql`'s) carries a
/// SQLite progress handler that consults this object: a statement that has worked longer
/// than ``timeout`` seconds, or any statement once ``cancel()`` was called (Ctrl-C), is
/// interrupted, and the read throws; ``QueryError/init(interrupted:limits:)`` says which.
/// Reads only: an ingest's transaction is never cut short, and an interrupted read
/// leaves the archive as it was.
///
/// The clock counts the time SQLite spends working on one statement: it starts again at
/// each statement and stops while the caller holds the next row (a slow pipe or a pager
/// reading the output does not count). It is checked every thousand SQLite instructions,
/// so a runaway query ends within moments of its limit.
public final class QueryLimits: @unchecked Sendable {
    private let lock = NSLock()
    private var _timeout: Double?
    private var _cancelled = false
    private var _interruption: Stop?
    /// One clock per connection, kept alive as long as the connections that point at them.
    private var clocks: [StatementClock] = []

    /// The seconds a statement may work, or nil for no limit (the library's default; the
    /// CLI sets a few seconds).
    public var timeout: Double? {
        get { lock.withLock { _timeout } }
        set { lock.withLock { _timeout = newValue.flatMap { $0 > 0 ? $0 : nil } } }
    }

    /// Limits with this timeout in seconds (nil, zero or less: no limit), not cancelled.
    public init(timeout: Double? = nil) {
        self.timeout = timeout
    }

    /// Stops every query running on the archive's read-only connections, and every later
    /// one: they throw ``QueryError/interrupted``. Safe from any thread (a signal handler's
    /// dispatch source, for Ctrl-C).
    public func cancel() {
        lock.withLock { _cancelled = true }
    }

    /// Whether ``cancel()`` was called.
    public var isCancelled: Bool { lock.withLock { _cancelled } }

    /// Why a statement was stopped: it worked past the time limit, or every query was cancelled.
    public enum Stop: Sendable, Equatable {
        /// The statement worked longer than the ``QueryLimits/timeout`` of `seconds`.
        case timedOut(seconds: Double)
        /// ``QueryLimits/cancel()`` was called.
        case cancelled
    }

    /// Why the last interrupted statement was stopped.
    var interruption: Stop? { lock.withLock { _interruption } }

    /// Installs the progress handler and the statement clock on a read-only connection;
    /// called from `Configuration.prepareDatabase` for every connection. Writers are left alone.
    func prepare(_ db: Database) {
        guard db.configuration.readonly, let connection = db.sqliteConnection else { return }
        let clock = StatementClock(limits: self)
        lock.withLock { clocks.append(clock) }
        let context = Unmanaged.passUnretained(clock).toOpaque()
        sqlite3_trace_v2(connection, UInt32(SQLITE_TRACE_STMT), { _, context, _, _ in
            Unmanaged<StatementClock>.fromOpaque(context!).takeUnretainedValue().start()
            return 0
        }, context)
        sqlite3_progress_handler(connection, 1000, { context in
            Unmanaged<StatementClock>.fromOpaque(context!).takeUnretainedValue().tick() ? 1 : 0
        }, context)
    }

    /// Called by a clock on each check: the reason to stop, if there is one.
    fileprivate func shouldStop(busy: Double) -> Bool {
        lock.withLock {
            if _cancelled {
                _interruption = .cancelled
                return true
            }
            if let timeout = _timeout, busy > timeout {
                _interruption = .timedOut(seconds: timeout)
                return true
            }
            return false
        }
    }
}

/// The work time of the statement running on one connection.
private final class StatementClock: @unchecked Sendable {
    unowned let limits: QueryLimits
    private var busy = 0.0
    private var last: UInt64 = 0
    /// A pause between two checks longer than this is time spent outside SQLite (the caller
    /// handling a row), not work: it counts for this much at most.
    private static let longestStep = 0.1

    init(limits: QueryLimits) {
        self.limits = limits
    }

    func start() {
        busy = 0
        last = DispatchTime.now().uptimeNanoseconds
    }

    /// Whether the statement should stop now.
    func tick() -> Bool {
        let now = DispatchTime.now().uptimeNanoseconds
        if last != 0 { busy += min(Double(now &- last) / 1e9, Self.longestStep) }
        last = now
        return limits.shouldStop(busy: busy)
    }
}
