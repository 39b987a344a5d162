#ifndef NNLAB_CLIBRARY_LOADING_H
#define NNLAB_CLIBRARY_LOADING_H

// What the loaders of Graphviz (CGraphvizLoader) and of librsvg and cairo (CRsvgLoader)
// share: opening a shared library and resolving its symbols, with one line that says why
// not when either fails.

/// Why a library could not be loaded: one line of text.
typedef struct {
  char text[512];
} NNLabLoadProblem;

/// Opens the library `name` (its soname), or writes why it cannot be opened into `problem`
/// and returns NULL.
void *_Nullable nnlab_open_library(const char *_Nonnull name, NNLabLoadProblem *_Nonnull problem);

/// Resolves `symbol` in `library` (or in the libraries it depends on) into `*slot`, or writes
/// into `problem` that `library_name` lacks it; returns whether it was found.
int nnlab_resolve(
  void *_Nonnull library, const char *_Nonnull library_name, const char *_Nonnull symbol, void *_Nullable *_Nonnull slot,
  NNLabLoadProblem *_Nonnull problem);

#endif
