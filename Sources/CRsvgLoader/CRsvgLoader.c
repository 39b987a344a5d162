#include "CRsvgLoader.h"

#include <pthread.h>

#include "CLibraryLoading.h"

static NNLabRsvgFunctions functions;
static const NNLabRsvgFunctions *loaded;
static NNLabLoadProblem failure;
static pthread_once_t once = PTHREAD_ONCE_INIT;

#define RESOLVE(library, library_name, name) \
  if (!nnlab_resolve(library, library_name, #name, (void **)&functions.name, &failure)) return;

static void load(void) {
  void *rsvg = nnlab_open_library("librsvg-2.so.2", &failure);
  if (rsvg == NULL) return;
  void *cairo = nnlab_open_library("libcairo.so.2", &failure);
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
  *problem = loaded ? NULL : failure.text;
  return loaded;
}
