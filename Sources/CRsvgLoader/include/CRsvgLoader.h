#ifndef NNLAB_CRSVG_LOADER_H
#define NNLAB_CRSVG_LOADER_H

// librsvg and cairo, loaded at the first call of nnlab_rsvg_functions rather than when the
// process starts: a process that draws no PNG or PDF never maps them. The declarations are
// the real headers' (found through pkg-config librsvg-2.0), so every pointer below has the
// type of the function it stands for.

#if !__has_include(<librsvg/rsvg.h>) || !__has_include(<cairo.h>)
#error "librsvg's and cairo's headers are missing: install the Debian packages librsvg2-dev and libcairo2-dev (scripts/install-prerequisites build does)"
#endif

#include <cairo-pdf.h>
#include <cairo.h>
#include <librsvg/rsvg.h>

/// The librsvg, cairo and GLib functions that FigureExport calls, each named as in C.
typedef struct {
  __typeof__(rsvg_handle_new_from_data) *_Nonnull rsvg_handle_new_from_data;
  __typeof__(rsvg_handle_set_dpi) *_Nonnull rsvg_handle_set_dpi;
  __typeof__(rsvg_handle_get_intrinsic_size_in_pixels) *_Nonnull rsvg_handle_get_intrinsic_size_in_pixels;
  __typeof__(rsvg_handle_render_document) *_Nonnull rsvg_handle_render_document;
  __typeof__(g_object_unref) *_Nonnull g_object_unref;
  __typeof__(g_error_free) *_Nonnull g_error_free;
  __typeof__(cairo_image_surface_create) *_Nonnull cairo_image_surface_create;
  __typeof__(cairo_pdf_surface_create_for_stream) *_Nonnull cairo_pdf_surface_create_for_stream;
  __typeof__(cairo_pdf_surface_set_metadata) *_Nonnull cairo_pdf_surface_set_metadata;
  __typeof__(cairo_surface_write_to_png_stream) *_Nonnull cairo_surface_write_to_png_stream;
  __typeof__(cairo_surface_status) *_Nonnull cairo_surface_status;
  __typeof__(cairo_surface_finish) *_Nonnull cairo_surface_finish;
  __typeof__(cairo_surface_destroy) *_Nonnull cairo_surface_destroy;
  __typeof__(cairo_create) *_Nonnull cairo_create;
  __typeof__(cairo_destroy) *_Nonnull cairo_destroy;
  __typeof__(cairo_set_source_rgb) *_Nonnull cairo_set_source_rgb;
  __typeof__(cairo_paint) *_Nonnull cairo_paint;
  __typeof__(cairo_scale) *_Nonnull cairo_scale;
  __typeof__(cairo_status) *_Nonnull cairo_status;
  __typeof__(cairo_status_to_string) *_Nonnull cairo_status_to_string;
} NNLabRsvgFunctions;

/// Loads librsvg-2.so.2 and libcairo.so.2 (once per process, from any thread) and returns
/// their functions, or NULL with `*problem` set to one line naming the library or symbol
/// that is missing. The table and the text live as long as the process.
const NNLabRsvgFunctions *_Nullable nnlab_rsvg_functions(const char *_Nullable *_Nonnull problem);

#endif
