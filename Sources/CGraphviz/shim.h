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

#endif
