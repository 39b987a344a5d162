#define _GNU_SOURCE  // dlinfo
#include "CGraphvizLoader.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>

// The sonames of the libraries built against these headers (Graphviz's plugin API version
// is GVPLUGIN_VERSION; the libraries' own versions are not in the headers).
static const char gvc_name[] = "libgvc.so.6";
static const char cgraph_name[] = "libcgraph.so.6";

static NNLabGraphviz functions;
static const NNLabGraphviz *loaded;
static char problem_text[512];
static char plugin_folder[PATH_MAX + sizeof "/graphviz"];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/// Opens `name`, or writes why it cannot be opened into problem_text.
static void *open_library(const char *name) {
  void *library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
  if (library == NULL) {
    const char *reason = dlerror();
    snprintf(problem_text, sizeof problem_text, "cannot load %s: %s", name, reason ? reason : "no reason given");
  }
  return library;
}

/// Resolves `symbol` in `library` (or in the libraries it depends on) into `*slot`, or
/// writes why not into problem_text; returns whether it was found.
static int resolve(void *library, const char *library_name, const char *symbol, void **slot) {
  dlerror();
  *slot = dlsym(library, symbol);
  if (*slot == NULL) {
    snprintf(problem_text, sizeof problem_text, "%s has no symbol %s", library_name, symbol);
    return 0;
  }
  return 1;
}

#define RESOLVE(library, library_name, name) \
  if (!resolve(library, library_name, #name, (void **)&functions.name)) return;

static void load(void) {
  void *cgraph = open_library(cgraph_name);
  if (cgraph == NULL) return;
  void *gvc = open_library(gvc_name);
  if (gvc == NULL) return;
  RESOLVE(cgraph, cgraph_name, agopen)
  RESOLVE(cgraph, cgraph_name, agclose)
  RESOLVE(cgraph, cgraph_name, agmemread)
  RESOLVE(cgraph, cgraph_name, agattr)
  RESOLVE(cgraph, cgraph_name, agsafeset)
  RESOLVE(cgraph, cgraph_name, agnxtattr)
  RESOLVE(cgraph, cgraph_name, agxget)
  RESOLVE(cgraph, cgraph_name, agnameof)
  RESOLVE(cgraph, cgraph_name, agnode)
  RESOLVE(cgraph, cgraph_name, agfstnode)
  RESOLVE(cgraph, cgraph_name, agnxtnode)
  RESOLVE(cgraph, cgraph_name, agsubg)
  RESOLVE(cgraph, cgraph_name, agsubnode)
  RESOLVE(cgraph, cgraph_name, agedge)
  RESOLVE(cgraph, cgraph_name, agfstout)
  RESOLVE(cgraph, cgraph_name, agnxtout)
  RESOLVE(cgraph, cgraph_name, agseterrf)
  RESOLVE(cgraph, cgraph_name, agerrors)
  RESOLVE(cgraph, cgraph_name, agreseterrors)
  RESOLVE(gvc, gvc_name, gvContext)
  RESOLVE(gvc, gvc_name, gvContextPlugins)
  RESOLVE(gvc, gvc_name, gvFreeContext)
  RESOLVE(gvc, gvc_name, gvLayout)
  RESOLVE(gvc, gvc_name, gvFreeLayout)
  RESOLVE(gvc, gvc_name, gvRenderData)
  RESOLVE(gvc, gvc_name, gvFreeRenderData)
  const Agdesc_t *directed;
  if (!resolve(cgraph, cgraph_name, "Agdirected", (void **)&directed)) return;
  functions.directed = *directed;
  char origin[PATH_MAX];
  if (dlinfo(gvc, RTLD_DI_ORIGIN, origin) != 0) {
    const char *reason = dlerror();
    snprintf(problem_text, sizeof problem_text, "cannot find the folder of %s: %s", gvc_name,
             reason ? reason : "no reason given");
    return;
  }
  snprintf(plugin_folder, sizeof plugin_folder, "%s/graphviz", origin);
  functions.pluginFolder = plugin_folder;
  loaded = &functions;
}

const NNLabGraphviz *nnlab_graphviz(const char **problem) {
  pthread_once(&once, load);
  *problem = loaded ? NULL : problem_text;
  return loaded;
}
