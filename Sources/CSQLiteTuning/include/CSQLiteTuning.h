#ifndef CSQLITETUNING_H
#define CSQLITETUNING_H

/// Turns off SQLite's memory statistics for the whole process. With them on (Debian's
/// default), every allocation SQLite makes takes a global mutex; Annals reads none of them.
/// Must run before SQLite's first use (it is a no-op, returning SQLITE_MISUSE, after).
/// `sqlite3_config` is variadic, which Swift cannot call: hence this C function.
int annals_sqlite_disable_memory_statistics(void);

#endif
