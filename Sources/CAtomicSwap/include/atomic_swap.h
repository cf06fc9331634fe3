#ifndef HERALD_ATOMIC_SWAP_H
#define HERALD_ATOMIC_SWAP_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS where unsupported).
int herald_exchange_paths(const char *first, const char *second);

#endif
