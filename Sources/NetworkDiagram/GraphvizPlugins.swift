internal import CGraphvizLoader
import Glibc

/// Graphviz's `dot` layout and `core` renderer plugins, opened directly so that a context
/// can be made with only these two.
///
/// `gvContext()` also loads every plugin in Graphviz's configuration, among them the
/// pango text layout: then text is measured with whatever fonts the machine has
/// installed (so the SVG changes from machine to machine), and the first diagram of a
/// process waits tens of milliseconds for fontconfig. Without a text-layout plugin,
/// Graphviz measures text with its built-in Helvetica (Arial) metrics: the same numbers
/// everywhere, and the ones a browser's Arial or Liberation Sans draws with.
///
/// The libraries are found where Graphviz itself looks for them on Linux: in the
/// `graphviz` folder beside the loaded `libgvc`. If they are not there, `init` fails and
/// the caller falls back to `gvContext()`.
final class GraphvizPlugins {
  /// The `lt_symlist_t` table for `gvContextPlugins`, ended by a null entry.
  let builtins: UnsafeMutablePointer<lt_symlist_t>
  private let handles: [UnsafeMutableRawPointer]

  /// The `(file, symbol)` of each plugin library: `libgvplugin_<name>.so.<version>`
  /// exports `gvplugin_<name>_LTX_library`.
  private static let libraries: [(file: String, symbol: StaticString)] = [
    ("libgvplugin_dot_layout.so.\(GVPLUGIN_VERSION)", "gvplugin_dot_layout_LTX_library"),
    ("libgvplugin_core.so.\(GVPLUGIN_VERSION)", "gvplugin_core_LTX_library"),
  ]

  /// Opens both plugin libraries in `folder`, or returns nil if either cannot be found.
  init?(folder: String) {
    var handles: [UnsafeMutableRawPointer] = []
    var entries: [lt_symlist_t] = []
    for library in Self.libraries {
      guard let handle = dlopen(folder + "/" + library.file, RTLD_NOW | RTLD_LOCAL) else { break }
      handles.append(handle)
      let name = UnsafeRawPointer(library.symbol.utf8Start).assumingMemoryBound(to: CChar.self)
      guard let address = dlsym(handle, name) else { break }
      entries.append(lt_symlist_t(name: name, address: address))
    }
    guard entries.count == Self.libraries.count else {
      for handle in handles { dlclose(handle) }
      return nil
    }
    entries.append(lt_symlist_t(name: nil, address: nil))
    builtins = .allocate(capacity: entries.count)
    builtins.initialize(from: entries, count: entries.count)
    self.handles = handles
  }

  deinit {
    builtins.deallocate()
    for handle in handles { dlclose(handle) }
  }
}
