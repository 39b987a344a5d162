/// One panel of a figure: an axes with its artists, made by one of the chart factories
/// (`lossCurve`, `scatter`, `decisionBoundary`, `histogram`, `heatMap`, ...).
///
/// Making a panel never fails; the data is checked when the figure is written, and a NaN,
/// an infinity or an invalid grid makes `Figure.svg` throw.
public struct Panel: Sendable {
  var axes: Axes
}
