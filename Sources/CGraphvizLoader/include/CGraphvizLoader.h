#ifndef NNLAB_CGRAPHVIZ_LOADER_H
#define NNLAB_CGRAPHVIZ_LOADER_H

// Graphviz's libgvc and libcgraph, loaded at the first call of nnlab_graphviz rather than
// when the process starts: a process that draws no network diagram (train, data, step,
// verify, diff) never maps them or the libraries they depend on. The declarations are the
// real headers', so every pointer below has the type of the function it stands for.

#if !__has_include(<graphviz/gvc.h>) || !__has_include(<graphviz/cgraph.h>)
#error "Graphviz's headers are missing: install the Debian package libgraphviz-dev (scripts/install-prerequisites build does)"
#endif

#include <graphviz/cgraph.h>
#include <graphviz/graphviz_version.h>
#include <graphviz/gvc.h>

/// The cgraph and gvc functions that NetworkDiagram calls, each named as in C, with
/// cgraph's `Agdirected` (a global struct) and the folder of Graphviz's plugins.
typedef struct {
  __typeof__(agopen) *_Nonnull agopen;
  __typeof__(agclose) *_Nonnull agclose;
  __typeof__(agmemread) *_Nonnull agmemread;
  __typeof__(agattr) *_Nonnull agattr;
  __typeof__(agsafeset) *_Nonnull agsafeset;
  __typeof__(agnxtattr) *_Nonnull agnxtattr;
  __typeof__(agxget) *_Nonnull agxget;
  __typeof__(agnameof) *_Nonnull agnameof;
  __typeof__(agnode) *_Nonnull agnode;
  __typeof__(agfstnode) *_Nonnull agfstnode;
  __typeof__(agnxtnode) *_Nonnull agnxtnode;
  __typeof__(agsubg) *_Nonnull agsubg;
  __typeof__(agsubnode) *_Nonnull agsubnode;
  __typeof__(agedge) *_Nonnull agedge;
  __typeof__(agfstout) *_Nonnull agfstout;
  __typeof__(agnxtout) *_Nonnull agnxtout;
  __typeof__(agseterrf) *_Nonnull agseterrf;
  __typeof__(agerrors) *_Nonnull agerrors;
  __typeof__(agreseterrors) *_Nonnull agreseterrors;
  __typeof__(gvContext) *_Nonnull gvContext;
  __typeof__(gvContextPlugins) *_Nonnull gvContextPlugins;
  __typeof__(gvFreeContext) *_Nonnull gvFreeContext;
  __typeof__(gvLayout) *_Nonnull gvLayout;
  __typeof__(gvFreeLayout) *_Nonnull gvFreeLayout;
  __typeof__(gvRenderData) *_Nonnull gvRenderData;
  __typeof__(gvFreeRenderData) *_Nonnull gvFreeRenderData;
  /// A copy of cgraph's `Agdirected`, the description of a directed graph for `agopen`.
  Agdesc_t directed;
  /// The `graphviz` folder beside the loaded libgvc, where Graphviz itself looks for its
  /// plugins on Linux.
  const char *_Nonnull pluginFolder;
} NNLabGraphviz;

/// Loads libgvc.so.6 and libcgraph.so.6 (once per process, from any thread) and returns
/// their functions, or NULL with `*problem` set to one line naming the library or symbol
/// that is missing. The table and the text live as long as the process.
const NNLabGraphviz *_Nullable nnlab_graphviz(const char *_Nullable *_Nonnull problem);

/// `agtail` and `aghead` are macros, which Swift cannot call; these are functions.
static inline Agnode_t *_Nullable nnlab_agtail(Agedge_t *_Nonnull e) { return agtail(e); }
static inline Agnode_t *_Nullable nnlab_aghead(Agedge_t *_Nonnull e) { return aghead(e); }

/// `ND_coord`, `ND_width` and `ND_height` are macros over the layout's private node data;
/// these read a laid-out node's centre (points, y up) and size (inches).
static inline double nnlab_nd_x(Agnode_t *_Nonnull n) { return ND_coord(n).x; }
static inline double nnlab_nd_y(Agnode_t *_Nonnull n) { return ND_coord(n).y; }
static inline double nnlab_nd_width(Agnode_t *_Nonnull n) { return ND_width(n); }
static inline double nnlab_nd_height(Agnode_t *_Nonnull n) { return ND_height(n); }

#endif
