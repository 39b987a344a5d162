#ifndef NNLAB_CGRAPHVIZ_SHIM_H
#define NNLAB_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <graphviz/graphviz_version.h>

/// `Agdirected` is a global struct that Swift cannot import; this returns a copy.
static inline Agdesc_t nnlab_agdirected(void) { return Agdirected; }

/// `agtail` and `aghead` are macros, which Swift cannot call; these are functions.
static inline Agnode_t *nnlab_agtail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *nnlab_aghead(Agedge_t *e) { return aghead(e); }

/// `ND_coord`, `ND_width` and `ND_height` are macros over the layout's private node data;
/// these read a laid-out node's centre (points, y up) and size (inches).
static inline double nnlab_nd_x(Agnode_t *n) { return ND_coord(n).x; }
static inline double nnlab_nd_y(Agnode_t *n) { return ND_coord(n).y; }
static inline double nnlab_nd_width(Agnode_t *n) { return ND_width(n); }
static inline double nnlab_nd_height(Agnode_t *n) { return ND_height(n); }

#endif
