#define _GNU_SOURCE  // dlinfo
#include "CGraphvizLoader.h"

#include <dlfcn.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>

#include "CLibraryLoading.h"

// The sonames of the libraries built against these headers (Graphviz's plugin API version
// is GVPLUGIN_VERSION; the libraries' own versions are not in the headers).
static const char gvc_name[] = "libgvc.so.6";
static const char cgraph_name[] = "libcgraph.so.6";

static NNLabGraphviz functions;
static const NNLabGraphviz *loaded;
static NNLabLoadProblem failure;
static char plugin_folder[PATH_MAX + sizeof "/graphviz"];
static pthread_once_t once = PTHREAD_ONCE_INIT;

#define RESOLVE(library, library_name, name) \
  if (!nnlab_resolve(library, library_name, #name, (void **)&functions.name, &failure)) return;

static void load(void) {
  void *cgraph = nnlab_open_library(cgraph_name, &failure);
  if (cgraph == NULL) return;
  void *gvc = nnlab_open_library(gvc_name, &failure);
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
  if (!nnlab_resolve(cgraph, cgraph_name, "Agdirected", (void **)&directed, &failure)) return;
  functions.directed = *directed;
  char origin[PATH_MAX];
  if (dlinfo(gvc, RTLD_DI_ORIGIN, origin) != 0) {
    const char *reason = dlerror();
    snprintf(failure.text, sizeof failure.text, "cannot find the folder of %s: %s", gvc_name,
             reason ? reason : "no reason given");
    return;
  }
  snprintf(plugin_folder, sizeof plugin_folder, "%s/graphviz", origin);
  functions.pluginFolder = plugin_folder;
  loaded = &functions;
}

const NNLabGraphviz *nnlab_graphviz(const char **problem) {
  pthread_once(&once, load);
  *problem = loaded ? NULL : failure.text;
  return loaded;
}
