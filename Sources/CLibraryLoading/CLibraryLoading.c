#include "CLibraryLoading.h"

#include <dlfcn.h>
#include <stdio.h>

void *nnlab_open_library(const char *name, NNLabLoadProblem *problem) {
  void *library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
  if (library == NULL) {
    const char *reason = dlerror();
    snprintf(problem->text, sizeof problem->text, "cannot load %s: %s", name, reason ? reason : "no reason given");
  }
  return library;
}

int nnlab_resolve(void *library, const char *library_name, const char *symbol, void **slot, NNLabLoadProblem *problem) {
  dlerror();
  *slot = dlsym(library, symbol);
  if (*slot == NULL) {
    snprintf(problem->text, sizeof problem->text, "%s has no symbol %s", library_name, symbol);
    return 0;
  }
  return 1;
}
