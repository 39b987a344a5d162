#ifndef NNLAB_CGRAPHVIZ_SHIM_H
#define NNLAB_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/// `Agdirected` is a global struct that Swift cannot import; this returns a copy.
static inline Agdesc_t nnlab_agdirected(void) { return Agdirected; }

#endif
