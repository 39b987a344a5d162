#ifndef NNLAB_CRENAME_H
#define NNLAB_CRENAME_H

#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

/// Linux's renameat2(2), which Swift's Glibc module does not declare (glibc hides it behind
/// _GNU_SOURCE). Called through syscall(2) so that it also works with a C library that
/// lacks the wrapper; without the system call it fails with ENOSYS.
static inline int nnlab_renameat2(const char *from, const char *to, unsigned int flags) {
#ifdef SYS_renameat2
  return (int)syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, flags);
#else
  errno = ENOSYS;
  return -1;
#endif
}

/// Renames `from` to `to`, failing with EEXIST instead of replacing an existing `to`.
static inline int nnlab_rename_noreplace(const char *from, const char *to) {
  return nnlab_renameat2(from, to, 1 /* RENAME_NOREPLACE */);
}

/// Swaps `from` and `to` in one step; both must exist. Fails with EINVAL on a file
/// system that cannot exchange.
static inline int nnlab_rename_exchange(const char *from, const char *to) {
  return nnlab_renameat2(from, to, 2 /* RENAME_EXCHANGE */);
}

#endif
