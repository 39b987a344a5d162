#include "CRsvgLoader.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

static NNLabRsvgFunctions functions;
static const NNLabRsvgFunctions *loaded;
static char problem_text[512];
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
    snprintf(problem_text, sizeof problem_text, "%s has no function %s", library_name, symbol);
    return 0;
  }
  return 1;
}

#define RESOLVE(library, library_name, name) \
  if (!resolve(library, library_name, #name, (void **)&functions.name)) return;

static void load(void) {
  void *rsvg = open_library("librsvg-2.so.2");
  if (rsvg == NULL) return;
  void *cairo = open_library("libcairo.so.2");
  if (cairo == NULL) return;
  RESOLVE(rsvg, "librsvg-2.so.2", rsvg_handle_new_from_data)
  RESOLVE(rsvg, "librsvg-2.so.2", rsvg_handle_set_dpi)
  RESOLVE(rsvg, "librsvg-2.so.2", rsvg_handle_get_intrinsic_size_in_pixels)
  RESOLVE(rsvg, "librsvg-2.so.2", rsvg_handle_render_document)
  // GObject and GLib come with librsvg, which depends on them.
  RESOLVE(rsvg, "librsvg-2.so.2", g_object_unref)
  RESOLVE(rsvg, "librsvg-2.so.2", g_error_free)
  RESOLVE(cairo, "libcairo.so.2", cairo_image_surface_create)
  RESOLVE(cairo, "libcairo.so.2", cairo_pdf_surface_create_for_stream)
  RESOLVE(cairo, "libcairo.so.2", cairo_pdf_surface_set_metadata)
  RESOLVE(cairo, "libcairo.so.2", cairo_surface_write_to_png_stream)
  RESOLVE(cairo, "libcairo.so.2", cairo_surface_status)
  RESOLVE(cairo, "libcairo.so.2", cairo_surface_finish)
  RESOLVE(cairo, "libcairo.so.2", cairo_surface_destroy)
  RESOLVE(cairo, "libcairo.so.2", cairo_create)
  RESOLVE(cairo, "libcairo.so.2", cairo_destroy)
  RESOLVE(cairo, "libcairo.so.2", cairo_set_source_rgb)
  RESOLVE(cairo, "libcairo.so.2", cairo_paint)
  RESOLVE(cairo, "libcairo.so.2", cairo_scale)
  RESOLVE(cairo, "libcairo.so.2", cairo_status)
  RESOLVE(cairo, "libcairo.so.2", cairo_status_to_string)
  loaded = &functions;
}

const NNLabRsvgFunctions *nnlab_rsvg_functions(const char **problem) {
  pthread_once(&once, load);
  *problem = loaded ? NULL : problem_text;
  return loaded;
}
